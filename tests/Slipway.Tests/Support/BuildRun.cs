using Microsoft.Extensions.Time.Testing;
using Slipway.Execution;

namespace Slipway.Tests.Support;

/// <summary>Runs a build class in process, as <c>./build.sh</c> would, and captures what it prints.</summary>
internal sealed record BuildRun(int ExitCode, string Output, string Error)
{
    public static async Task<BuildRun> RunAsync<T>(
        T build,
        TestRepository repository,
        string[] args,
        Dictionary<string, string>? environment = null,
        string[]? defaultTargets = null,
        TimeProvider? time = null,
        CancellationToken abort = default)
        where T : NukeBuild
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var runner = new BuildRunner(output, error, environment ?? [], time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)))
        {
            WorkingDirectory = repository.Root,
        };
        var exitCode = await runner.RunAsync(build, args, defaultTargets ?? [], abort);
        return new BuildRun(exitCode, output.ToString(), error.ToString());
    }
}
