namespace Slipway.Docker;

/// <summary>The ASP.NET Core runtime installed on this machine, copied into the local base image.</summary>
internal sealed record HostDotnetRuntime(string Root, string Version)
{
    public const string NetCoreApp = "Microsoft.NETCore.App";
    public const string AspNetCoreApp = "Microsoft.AspNetCore.App";

    /// <summary>
    /// Finds the newest <paramref name="major"/>.x version present as both NETCore.App and AspNetCore.App
    /// (and host/fxr) under DOTNET_ROOT, /usr/share/dotnet or /usr/lib/dotnet.
    /// </summary>
    public static HostDotnetRuntime Find(int major)
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("DOTNET_ROOT"), "/usr/share/dotnet", "/usr/lib/dotnet" };
        foreach (var root in candidates.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!))
        {
            var version = Versions(root, Path.Combine("shared", AspNetCoreApp))
                .Intersect(Versions(root, Path.Combine("shared", NetCoreApp)))
                .Where(v => v.Major == major && File.Exists(Path.Combine(root, "dotnet")))
                .OrderDescending()
                .FirstOrDefault();
            if (version is not null)
            {
                return new HostDotnetRuntime(root, version.ToString());
            }
        }

        throw new InvalidOperationException($"No .NET {major} ASP.NET Core runtime found on this machine (looked in {string.Join(", ", candidates.Where(c => c is not null))}) to build a local base image from; install it or pass --base-image.");
    }

    private static IEnumerable<System.Version> Versions(string root, string relative)
    {
        var directory = Path.Combine(root, relative);
        return Directory.Exists(directory)
            ? Directory.EnumerateDirectories(directory).Select(Path.GetFileName).Select(n => System.Version.TryParse(n, out var v) ? v : null).OfType<System.Version>()
            : [];
    }
}
