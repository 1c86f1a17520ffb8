using Microsoft.Extensions.Time.Testing;
using Slipway.Execution;

namespace Slipway.Tests.Workflows;

/// <summary>A temporary repository root (with <c>.nuke/</c>) whose builds generate workflows, run in process.</summary>
internal sealed class WorkflowTestRepository : IDisposable
{
    public WorkflowTestRepository()
    {
        Root = AbsolutePath.Create(Path.Combine(Path.GetTempPath(), "slipway-workflow-tests", Guid.NewGuid().ToString("N")));
        (Root / ".nuke").CreateDirectory();
    }

    public AbsolutePath Root { get; }

    public AbsolutePath WorkflowFile(string name) => Root / ".github" / "workflows" / (name + ".yml");

    public void Write(string relativePath, string text) => (Root / relativePath).WriteAllText(text);

    /// <summary>Runs <paramref name="build"/> as <c>./build.sh args</c> would; returns exit code and all output.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(NukeBuild build, string[] args, Dictionary<string, string>? environment = null)
    {
        using var output = new StringWriter();
        var runner = new BuildRunner(output, output, environment ?? [], new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero)))
        {
            WorkingDirectory = Root,
        };
        var exitCode = await runner.RunAsync(build, args, [], CancellationToken.None);
        return (exitCode, output.ToString());
    }

    public void Dispose() => Root.DeleteDirectory();
}
