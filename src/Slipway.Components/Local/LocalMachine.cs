namespace Slipway.Components.Local;

/// <summary>Whether this machine lets the build install the local toolchain itself: Debian (apt-get), as root.</summary>
internal static class LocalMachine
{
    public static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    public static bool CanInstall => IsRoot && File.Exists("/etc/debian_version") && File.Exists("/usr/bin/apt-get");
}
