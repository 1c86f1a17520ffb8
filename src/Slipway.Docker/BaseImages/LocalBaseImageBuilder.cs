using System.Globalization;
using Docker.DotNet.Models;
using Slipway.Output;
using Slipway.Processes;

namespace Slipway.Docker;

/// <summary>
/// Makes the local base image: <c>debootstrap --variant=minbase</c> with the recipe's packages, the host's .NET
/// runtime under /usr/share/dotnet, the user <c>app</c> (uid/gid 1654) as in the official images, imported
/// into the engine from a tar stream with the recipe's ENV lines.
/// </summary>
internal sealed class LocalBaseImageBuilder(DockerEngine engine, string mirror, bool installMissingPackages)
{
    public async Task BuildAsync(LocalBaseImageRecipe recipe, HostDotnetRuntime runtime, ILog log, CancellationToken cancellationToken)
    {
        if (installMissingPackages)
        {
            await DebianPackages.EnsureInstalledAsync(DebianPackages.Debootstrap, ["debootstrap"], log, cancellationToken);
        }

        DebianPackages.ThrowIfMissing(DebianPackages.Debootstrap, "debootstrap");
        var runner = new ProcessRunner(log);
        var work = Directory.CreateTempSubdirectory("slipway-base-").FullName;
        try
        {
            var rootfs = Path.Combine(work, "rootfs");
            log.Information($"debootstrap --variant=minbase {recipe.Suite} with {string.Join(",", recipe.Packages)} from {mirror}");
            await runner.RunAsync(
                Quiet(DebianPackages.Debootstrap, ["--variant=minbase", $"--include={string.Join(',', recipe.Packages)}", recipe.Suite, rootfs, mirror]),
                cancellationToken);

            Trim(rootfs);
            await CopyRuntimeAsync(runner, runtime, rootfs, cancellationToken);
            await AddAppUserAsync(runner, rootfs, cancellationToken);

            var tar = Path.Combine(work, "rootfs.tar");
            await runner.RunAsync(
                Quiet("tar", ["--numeric-owner", "--exclude=./dev/*", "--exclude=./proc/*", "--exclude=./sys/*", "-C", rootfs, "-cf", tar, "."]),
                cancellationToken);

            var (name, tag) = (LocalBaseImageRecipe.Repository, recipe.Hash);
            log.Information($"Importing {ByteSize.Format(new FileInfo(tar).Length)} root filesystem as {recipe.Image}");
            await using var stream = File.OpenRead(tar);
            var output = new BuildOutput(NullLog.Instance);
            await engine.Client.Images.CreateImageAsync(
                new ImagesCreateParameters { FromSrc = "-", Repo = name, Tag = tag, Changes = recipe.Changes.ToList(), Message = $"slipway local base image, recipe {recipe.Hash}" },
                stream,
                null,
                output,
                cancellationToken);
            if (output.Error is not null)
            {
                throw new InvalidOperationException($"importing {recipe.Image} failed: {output.Error}");
            }
        }
        finally
        {
            // rm rather than Directory.Delete: the root filesystem holds device nodes and links a chroot made.
            await runner.RunAsync(Quiet("rm", ["-rf", work]) with { ThrowOnFailure = false }, CancellationToken.None);
        }
    }

    /// <summary>
    /// Apt's caches, the docs and the message catalogues are a third of a minbase system and useless in a
    /// runtime image (the service runs with invariant globalization).
    /// </summary>
    private static void Trim(string rootfs)
    {
        foreach (var directory in new[] { "var/cache/apt", "var/lib/apt/lists", "usr/share/doc", "usr/share/man", "usr/share/info", "usr/share/locale" })
        {
            var path = Path.Combine(rootfs, directory);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo dir && dir.LinkTarget is null)
                {
                    dir.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }
        }
    }

    /// <summary>These tools print pages of progress: it stays out of the log, and a failure still shows its tail.</summary>
    private static ProcessSpec Quiet(string fileName, IReadOnlyList<string> arguments) => new(fileName, arguments) { LogOutput = false };

    private static async Task CopyRuntimeAsync(ProcessRunner runner, HostDotnetRuntime runtime, string rootfs, CancellationToken cancellationToken)
    {
        var target = Path.Combine(rootfs, "usr/share/dotnet");
        var parts = new[]
        {
            "dotnet",
            "LICENSE.txt",
            "ThirdPartyNotices.txt",
            $"host/fxr/{runtime.Version}",
            $"shared/{HostDotnetRuntime.NetCoreApp}/{runtime.Version}",
            $"shared/{HostDotnetRuntime.AspNetCoreApp}/{runtime.Version}",
        };
        foreach (var part in parts.Where(p => Path.Exists(Path.Combine(runtime.Root, p))))
        {
            var destination = Path.Combine(target, Path.GetDirectoryName(part)!);
            Directory.CreateDirectory(destination);
            await runner.RunAsync(Quiet("cp", ["-a", Path.Combine(runtime.Root, part), destination]), cancellationToken);
        }

        var link = Path.Combine(rootfs, "usr/bin/dotnet");
        File.Delete(link);
        File.CreateSymbolicLink(link, "/usr/share/dotnet/dotnet");
    }

    private static async Task AddAppUserAsync(ProcessRunner runner, string rootfs, CancellationToken cancellationToken)
    {
        var uid = LocalBaseImageRecipe.AppUid.ToString(CultureInfo.InvariantCulture);
        await File.AppendAllTextAsync(Path.Combine(rootfs, "etc/passwd"), $"app:x:{uid}:{uid}::/home/app:/bin/sh\n", cancellationToken);
        await File.AppendAllTextAsync(Path.Combine(rootfs, "etc/group"), $"app:x:{uid}:\n", cancellationToken);
        if (File.Exists(Path.Combine(rootfs, "etc/shadow")))
        {
            await File.AppendAllTextAsync(Path.Combine(rootfs, "etc/shadow"), "app:!:::::::\n", cancellationToken);
        }

        var home = Path.Combine(rootfs, "home/app");
        Directory.CreateDirectory(home);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // The owner must be the numeric uid inside the image, whatever that uid means on the host.
        await runner.RunAsync(Quiet("chown", [$"{uid}:{uid}", home]), cancellationToken);
    }
}
