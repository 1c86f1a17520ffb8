using System.Runtime.CompilerServices;
using Slipway.Processes;

namespace Slipway.Components.UpToDate;

/// <summary>The version of the .NET SDK <c>dotnet</c> picks in the repository (global.json applies), asked once per build.</summary>
internal static class SdkVersion
{
    private static readonly ConditionalWeakTable<INukeBuild, Task<string>> Versions = new();

    public static Task<string> OfAsync(INukeBuild build, CancellationToken cancellationToken) =>
        Versions.GetValue(build, b => AskAsync(b, cancellationToken));

    private static async Task<string> AskAsync(INukeBuild build, CancellationToken cancellationToken)
    {
        var result = await build.Processes.RunAsync(
            new ProcessSpec("dotnet", ["--version"]) { WorkingDirectory = build.RootDirectory, LogOutput = false },
            cancellationToken);
        return result.StandardOutput.Trim();
    }
}
