using Slipway.Processes;
using Slipway.Tests.Support;

namespace Slipway.Tests.Versioning;

/// <summary>
/// Temporary git repositories made by real git for versioning tests: commits, tags, branches, merges, clones.
/// Git runs with no global or system configuration, so a developer's settings (signing, hooks) cannot interfere.
/// </summary>
internal sealed class GitSandbox : IDisposable
{
    private static readonly Dictionary<string, string?> IsolatedGit = new()
    {
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_AUTHOR_NAME"] = "Test",
        ["GIT_AUTHOR_EMAIL"] = "test@example.com",
        ["GIT_COMMITTER_NAME"] = "Test",
        ["GIT_COMMITTER_EMAIL"] = "test@example.com",
    };

    private readonly ProcessRunner runner = new(new ListLog());
    private int commits;

    public GitSandbox()
    {
        Top = AbsolutePath.Create(Path.Combine(Path.GetTempPath(), "slipway-minver", Guid.NewGuid().ToString("N")));
        Main = (Top / "repo").CreateDirectory();
        Versioned = Main;
    }

    /// <summary>Holds every repository of the sandbox.</summary>
    public AbsolutePath Top { get; }

    /// <summary>The repository the scenario builds.</summary>
    public AbsolutePath Main { get; }

    /// <summary>The directory whose version is asked for: <see cref="Main"/> unless a scenario moves it (a clone, a subdirectory).</summary>
    public AbsolutePath Versioned { get; set; }

    public Task Init() => Git("init", "-q", "-b", "main");

    /// <summary>A commit that adds a file of its own: no two commits are the same and branches merge cleanly.</summary>
    public async Task Commit(string? message = null)
    {
        commits++;
        (Main / $"file-{commits}.txt").WriteAllText($"{commits}");
        await Git("add", "-A");
        await Git("commit", "-q", "-m", message ?? $"commit {commits}");
    }

    public async Task Commits(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Commit();
        }
    }

    public Task Tag(string name) => Git("tag", name);

    public Task AnnotatedTag(string name) => Git("tag", "-a", name, "-m", name);

    public Task Branch(string name) => Git("checkout", "-q", "-b", name);

    public Task Checkout(string name) => Git("checkout", "-q", name);

    public Task Merge(string branch) => Git("merge", "-q", "--no-ff", "--no-edit", branch);

    /// <summary>Clones <see cref="Main"/> with <c>--depth</c> and versions the clone.</summary>
    public async Task ShallowClone(int depth, params string[] options)
    {
        var clone = Top / "clone";
        await Git(Top, ["clone", "-q", "--depth", depth.ToString(System.Globalization.CultureInfo.InvariantCulture), .. options, $"file://{Main}", clone]);
        Versioned = clone;
    }

    public Task Git(params string[] arguments) => Git(Main, arguments);

    public async Task<string> Output(params string[] arguments) =>
        (await runner.RunAsync(new ProcessSpec("git", arguments) { WorkingDirectory = Main, Environment = IsolatedGit, LogOutput = false })).StandardOutput.Trim();

    private async Task Git(AbsolutePath directory, string[] arguments) =>
        await runner.RunAsync(new ProcessSpec("git", arguments) { WorkingDirectory = directory, Environment = IsolatedGit, LogOutput = false });

    public void Dispose() => Top.DeleteDirectory();
}
