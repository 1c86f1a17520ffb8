using System.Formats.Tar;
using Xunit.Abstractions;

namespace Slipway.Docker.Tests;

[Collection(RealDocker.Name)]
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class BuildContextTests(DockerFixture fixture, ITestOutputHelper output) : IDisposable
{
    private readonly CancellationTokenSource timeout = TestTimeouts.Start();

    private const string Ignore = """
        # build outputs
        *.log
        secrets/
        !secrets/public.pem
        docs/**/*.md
        !docs/keep/**
        temp?
        /rooted.txt
        Dockerfile
        """;

    private static readonly string[] Files =
    [
        "app.txt", "debug.log", "nested/trace.log", "secrets/key.pem", "secrets/public.pem", "docs/a.md", "docs/x/b.md",
        "docs/keep/c.md", "docs/readme.txt", "tempa", "temp", "tempab", "rooted.txt", "sub/rooted.txt",
    ];

    private static readonly string[] Kept =
    [
        "app.txt", "nested/trace.log", "secrets/public.pem", "docs/keep/c.md", "docs/readme.txt", "temp", "tempab", "sub/rooted.txt",
    ];

    [Fact]
    public async Task Dockerignore_rules_decide_which_files_the_tar_holds_and_the_dockerfile_is_always_sent()
    {
        var directory = await CreateContextAsync(Ignore, "FROM scratch\n");

        using var context = await BuildContext.CreateAsync(directory, Path.Combine(directory, "Dockerfile"), new RecordingLog(output), timeout.Token);

        var files = await ListTarAsync(context);
        Assert.Equal(Kept.Append(".dockerignore").Append("Dockerfile").Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
        Assert.Equal("Dockerfile", context.DockerfileName);
        Assert.Contains("docs/keep/", context.Entries);
        Assert.DoesNotContain("secrets/", context.Entries);
        Assert.Equal(new FileInfo(Path.Combine(directory, "app.txt")).Length > 0, context.Size > 0);
    }

    [Fact]
    public async Task Image_built_from_an_ignoring_context_holds_only_the_files_the_rules_keep()
    {
        var directory = await CreateContextAsync(Ignore, $"FROM {fixture.BaseImage}\nCOPY . /ctx\nRUN find /ctx -type f | sort\n");

        var listing = await BuildAndListAsync(directory, Path.Combine(directory, "Dockerfile"));

        // The engine drops the Dockerfile after reading it because .dockerignore lists it; .dockerignore itself stays.
        Assert.Equal(Kept.Append(".dockerignore").Order(StringComparer.Ordinal), listing.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dockerfile_from_outside_the_context_does_not_end_up_in_the_image()
    {
        var directory = await CreateContextAsync(null, null);
        var dockerfile = Path.Combine(fixture.NewDirectory("dockerfile"), "Dockerfile");
        await File.WriteAllTextAsync(dockerfile, $"FROM {fixture.BaseImage}\nCOPY . /ctx\nRUN find /ctx -type f | sort\n");

        var listing = await BuildAndListAsync(directory, dockerfile);

        Assert.Equal(Files.Order(StringComparer.Ordinal), listing.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dockerfile_from_outside_is_sent_under_a_hidden_name_that_the_contexts_own_dockerignore_lists()
    {
        var directory = await CreateContextAsync(Ignore, null);
        var dockerfile = Path.Combine(fixture.NewDirectory("dockerfile"), "Dockerfile");
        await File.WriteAllTextAsync(dockerfile, "FROM scratch\n");

        using var context = await BuildContext.CreateAsync(directory, dockerfile, new RecordingLog(output), timeout.Token);

        var contents = new Dictionary<string, string>();
        await using (var reader = new TarReader(context.OpenRead(), leaveOpen: true))
        {
            while (await reader.GetNextEntryAsync(copyData: true) is { } entry)
            {
                if (entry.DataStream is { } data)
                {
                    contents.Add(entry.Name, await new StreamReader(data).ReadToEndAsync());
                }
            }
        }

        Assert.Equal(".dockerfile.slipway", context.DockerfileName);
        Assert.Equal("FROM scratch\n", contents[".dockerfile.slipway"]);
        Assert.Equal(Ignore + "\n.dockerfile.slipway\n", contents[".dockerignore"]);
        Assert.Equal(Kept.Append(".dockerignore").Append(".dockerfile.slipway").Order(StringComparer.Ordinal), contents.Keys.Order(StringComparer.Ordinal));
    }

    private async Task<string> CreateContextAsync(string? dockerignore, string? dockerfile)
    {
        var directory = fixture.NewDirectory("context");
        foreach (var file in Files)
        {
            var path = Path.Combine(directory, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, file);
        }

        if (dockerignore is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, ".dockerignore"), dockerignore);
        }

        if (dockerfile is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "Dockerfile"), dockerfile);
        }

        return directory;
    }

    private static async Task<List<string>> ListTarAsync(BuildContext context)
    {
        var files = new List<string>();
        await using var reader = new TarReader(context.OpenRead(), leaveOpen: true);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            if (entry.EntryType != TarEntryType.Directory)
            {
                files.Add(entry.Name);
            }
        }

        return files;
    }

    /// <summary>Builds without cache and reads the RUN step's <c>find</c> output: what the image really holds.</summary>
    private async Task<List<string>> BuildAndListAsync(string directory, string dockerfile)
    {
        var tag = $"slipway-test/context-{Guid.NewGuid():N}:1";
        fixture.RemoveAfterwards([tag]);
        var log = new RecordingLog(output);
        await new ImageBuilder(fixture.Engine).BuildAsync(
            new ImageBuildRequest { ContextDirectory = directory, Dockerfile = dockerfile, Tags = [tag], NoCache = true },
            log,
            timeout.Token);
        return log.Lines.Where(l => l.StartsWith("/ctx/", StringComparison.Ordinal)).Select(l => l["/ctx/".Length..]).ToList();
    }

    public void Dispose() => timeout.Dispose();
}
