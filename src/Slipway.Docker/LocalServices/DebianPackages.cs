using Slipway.Output;
using Slipway.Processes;

namespace Slipway.Docker;

/// <summary>
/// Installs the Debian packages that provide the local engine, registry and base-image tools
/// (docker.io, docker-registry, debootstrap) on a fresh Debian machine, as root.
/// </summary>
internal static class DebianPackages
{
    /// <summary>The packages that provide <c>dockerd</c>, <c>docker-registry</c> and <c>debootstrap</c>.</summary>
    public static IReadOnlyList<string> LocalToolchain { get; } = ["docker.io", "docker-registry", "debootstrap"];

    /// <summary>Installs <paramref name="packages"/> with apt-get when <paramref name="requiredFile"/> is missing.</summary>
    public static async Task EnsureInstalledAsync(string requiredFile, IReadOnlyList<string> packages, ILog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (File.Exists(requiredFile))
        {
            return;
        }

        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException($"{requiredFile} is missing and this is not a Debian machine with apt-get: install {string.Join(", ", packages)} by hand.");
        }

        log.Information($"{requiredFile} is missing: installing {string.Join(" ", packages)} with apt-get");
        var runner = new ProcessRunner(log);
        var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };

        // Package scripts would otherwise start dockerd with its defaults, which create a bridge network;
        // policy-rc.d answering 101 ("action forbidden") keeps every service down, and we start dockerd ourselves.
        const string policy = "/usr/sbin/policy-rc.d";
        var wrotePolicy = false;
        if (!File.Exists(policy))
        {
            await File.WriteAllTextAsync(policy, "#!/bin/sh\nexit 101\n", cancellationToken);
            File.SetUnixFileMode(policy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            wrotePolicy = true;
        }

        try
        {
            await runner.RunAsync(new ProcessSpec("apt-get", ["update"]) { Environment = environment, LogOutput = false }, cancellationToken);
            await runner.RunAsync(new ProcessSpec("apt-get", ["install", "-y", "--no-install-recommends", .. packages]) { Environment = environment, LogOutput = false }, cancellationToken);
        }
        finally
        {
            if (wrotePolicy)
            {
                File.Delete(policy);
            }
        }

        log.Information($"installed {string.Join(" ", packages)}");
    }
}
