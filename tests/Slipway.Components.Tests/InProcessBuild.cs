using Slipway.Execution;

namespace Slipway.Components.Tests;

/// <summary>Runs a build class in process, as <c>./build.sh</c> would, and captures what it prints.</summary>
internal sealed record InProcessBuild(int ExitCode, string Output, string Error)
{
    public static async Task<InProcessBuild> RunAsync(NukeBuild build, AbsolutePath root, string[] args, CancellationToken abort)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var runner = new BuildRunner(output, error, new Dictionary<string, string>(), TimeProvider.System) { WorkingDirectory = root };
        var exitCode = await runner.RunAsync(build, args, [], abort);
        return new InProcessBuild(exitCode, output.ToString(), error.ToString());
    }
}
