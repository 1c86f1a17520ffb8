using System.Reflection;

namespace Api;

/// <summary>The version and commit stamped into the assembly by the build (Publish passes them).</summary>
internal sealed record BuildInfo(string Version, string Commit)
{
    /// <summary>
    /// Reads "1.2.3+abc123" from AssemblyInformationalVersion: SemVer before the '+', the commit after it.
    /// </summary>
    public static BuildInfo FromAssembly(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return Parse(informational);
    }

    public static BuildInfo Parse(string? informationalVersion)
    {
        if (string.IsNullOrWhiteSpace(informationalVersion))
        {
            return new BuildInfo("0.0.0", "unknown");
        }

        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? new BuildInfo(informationalVersion, "unknown")
            : new BuildInfo(informationalVersion[..plus], informationalVersion[(plus + 1)..]);
    }
}
