using Slipway.Output;
using Slipway.Processes;

namespace Slipway.Docker;

/// <summary>
/// Installs the Debian packages that provide the local engine, registry and base-image tools
/// (docker.io, docker-registry, debootstrap) on a fresh Debian machine, as root. Nothing in this library
/// installs on its own: a target or a test fixture that needs the tools calls this, and the log says what it
/// installs. Without it, a missing tool is an error that names the package.
/// </summary>
public static class DebianPackages
{
    internal const string Dockerd = "/usr/sbin/dockerd";
    internal const string Registry = "/usr/bin/docker-registry";
    internal const string Debootstrap = "/usr/sbin/debootstrap";

    /// <summary>The packages that provide <c>dockerd</c>, <c>docker-registry</c> and <c>debootstrap</c>.</summary>
    public static IReadOnlyList<string> LocalToolchain { get; } = ["docker.io", "docker-registry", "debootstrap"];

    /// <summary>Installs <see cref="LocalToolchain"/> when one of its tools is missing (a no-op when all are there).</summary>
    public static async Task EnsureLocalToolchainAsync(ILog log, CancellationToken cancellationToken)
    {
        foreach (var file in new[] { Dockerd, Registry, Debootstrap })
        {
            await EnsureInstalledAsync(file, LocalToolchain, log, cancellationToken);
        }
    }

    /// <summary>Installs <paramref name="packages"/> with apt-get when <paramref name="requiredFile"/> is missing.</summary>
    public static async Task EnsureInstalledAsync(string requiredFile, IReadOnlyList<string> packages, ILog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (File.Exists(requiredFile))
        {
            return;
        }

        // Test assemblies run in parallel and each fixture may ask: one apt-get at a time (dpkg has its own lock
        // and fails rather than waits), and whoever waited looks again before installing.
        using var installing = await FileLock.AcquireAsync(Path.Combine(Path.GetTempPath(), "slipway-apt.lock"), TimeSpan.FromMinutes(10), TimeProvider.System, cancellationToken);
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

    /// <summary>A clear error instead of an install: the library never installs unless asked.</summary>
    internal static void ThrowIfMissing(string requiredFile, string package)
    {
        if (!File.Exists(requiredFile))
        {
            throw new InvalidOperationException(
                $"{requiredFile} is missing. Install the Debian package {package} (sudo apt-get install {package}), or let the target or test fixture that needs it call DebianPackages.EnsureLocalToolchainAsync.");
        }
    }
}
