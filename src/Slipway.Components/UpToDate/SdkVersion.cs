namespace Slipway.Components.UpToDate;

/// <summary>
/// What decides the .NET SDK a build uses, read without starting <c>dotnet</c> (half a second on a busy machine):
/// the <c>dotnet</c> on PATH and the SDKs installed beside it. With <c>global.json</c> (an input of every .NET
/// target) that fixes the SDK <c>dotnet</c> picks; installing or removing an SDK changes it.
/// </summary>
internal static class SdkVersion
{
    public static string Identity() => Identity(Environment.GetEnvironmentVariable("PATH"));

    internal static string Identity(string? path)
    {
        var host = FindOnPath(path, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        if (host is null)
        {
            return "no dotnet on PATH";
        }

        var resolved = new FileInfo(host).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? host;
        var sdkDirectory = Path.Combine(Path.GetDirectoryName(resolved)!, "sdk");
        var installed = Directory.Exists(sdkDirectory)
            ? Directory.GetDirectories(sdkDirectory).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        return $"{resolved}: {string.Join(", ", installed)}";
    }

    private static string? FindOnPath(string? path, string name) =>
        (path ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
