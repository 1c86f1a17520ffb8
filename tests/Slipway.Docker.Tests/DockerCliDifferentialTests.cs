using System.Collections.Concurrent;
using System.Diagnostics;
using System.Formats.Tar;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Xunit.Abstractions;

namespace Slipway.Docker.Tests;

/// <summary>
/// The build context held against the Docker CLI itself: every case of <see cref="DifferentialCases"/> is built
/// twice on the same engine, once by <c>docker build</c> with the classic builder and once by
/// <see cref="ImageBuilder"/> (which sends <see cref="BuildContext"/>), from <c>FROM scratch</c> with
/// <c>COPY . /</c>; then the layers are compared entry by entry (name, kind, mode, size, content, link
/// target, device numbers, modification time). When the CLI refuses a context, Slipway must refuse it too, with
/// the CLI's message.
/// </summary>
[Collection(RealDocker.Name)]
public sealed class DockerCliDifferentialTests(DockerFixture fixture, ITestOutputHelper output)
{
    private const string Dockerfile = "FROM scratch\nCOPY . /\n";

    /// <summary>The oldest CLI whose context walker decides from parent results (moby's patternmatcher), as Slipway does.</summary>
    private const int OldestCliMajor = 23;

    /// <summary>The Docker CLI held against: the one SLIPWAY_DOCKER_CLI names, else the newest <c>docker</c> on the PATH.</summary>
    private string Cli { get; set; } = "docker";

    /// <summary>Every file of the template is this old, so a directory the engine makes itself stands out.</summary>
    private const long TemplateTime = 1577836800;

    [Fact]
    public async Task Every_case_reaches_the_image_as_the_docker_cli_sends_it()
    {
        Assert.True(DifferentialCases.All.Length >= 130, $"only {DifferentialCases.All.Length} cases");
        Assert.Equal(DifferentialCases.All.Length, DifferentialCases.All.Select(c => c.Name).Distinct().Count());
        await ChooseCliAsync();
        var prefix = $"slipway-difftest-{Guid.NewGuid():N}"[..26];
        var template = await CreateTemplateAsync(fixture.NewDirectory("difftest-template"));
        var differences = new ConcurrentBag<string>();
        var agreed = 0;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await Parallel.ForEachAsync(
                DifferentialCases.All.Select((c, i) => (Case: c, Index: i)),
                new ParallelOptions { MaxDegreeOfParallelism = 4 },
                async (item, _) =>
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                    string? difference;
                    try
                    {
                        difference = await CompareAsync(item.Case, template, $"{prefix}-{item.Index}", timeout.Token);
                    }
                    catch (Exception exception) when (exception is not OutOfMemoryException)
                    {
                        difference = $"the comparison failed: {exception}";
                    }

                    if (difference is null)
                    {
                        Interlocked.Increment(ref agreed);
                    }
                    else
                    {
                        differences.Add($"{item.Case.Name}: {difference}");
                    }
                });
        }
        finally
        {
            await RemoveImagesAsync(prefix);
        }

        output.WriteLine($"{agreed} of {DifferentialCases.All.Length} cases agree with the Docker CLI ({stopwatch.Elapsed.TotalSeconds:0.0} s)");
        foreach (var difference in differences.Order(StringComparer.Ordinal))
        {
            output.WriteLine(difference);
        }

        Assert.True(differences.IsEmpty, $"{differences.Count} cases differ from the Docker CLI:\n{string.Join("\n", differences.Order(StringComparer.Ordinal))}");
    }

    /// <summary>
    /// Debian's docker.io still ships the 20.10 CLI, whose walker re-matched parents and mishandled patterns
    /// such as <c>a(b)c</c>; Slipway follows the current CLI, so an older one is no reference.
    /// </summary>
    private async Task ChooseCliAsync()
    {
        var candidates = Environment.GetEnvironmentVariable("SLIPWAY_DOCKER_CLI") is { Length: > 0 } named
            ? [named]
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(directory => Path.Combine(directory, "docker")).Where(File.Exists).Distinct().ToArray();
        var versions = new List<(string Path, Version Version, string Text)>();
        foreach (var candidate in candidates)
        {
            var version = await RunAsync(candidate, ["version", "--format", "{{.Client.Version}}"], CancellationToken.None);
            var text = version.Stdout.Trim();
            if (Version.TryParse(new string(text.TakeWhile(c => char.IsDigit(c) || c == '.').ToArray()).TrimEnd('.'), out var parsed))
            {
                versions.Add((candidate, parsed, text));
            }
        }

        Assert.True(versions.Count > 0, $"no Docker CLI found (looked at: {string.Join(", ", candidates)}); install docker-ce-cli or set SLIPWAY_DOCKER_CLI");
        var newest = versions.MaxBy(v => v.Version);
        Assert.True(newest.Version.Major >= OldestCliMajor, $"the newest Docker CLI found, {newest.Path} {newest.Text}, is older than {OldestCliMajor}.0, whose context walker Slipway follows: install docker-ce-cli (or point SLIPWAY_DOCKER_CLI at a newer docker)");
        Cli = newest.Path;
        output.WriteLine($"held against {Cli} {newest.Text}");
    }

    /// <summary>Null when both agree, else what differs.</summary>
    private async Task<string?> CompareAsync(DifferentialCase testCase, string template, string tag, CancellationToken ct)
    {
        var root = fixture.NewDirectory("difftest-case");
        var context = Path.Combine(root, "context");
        await RunAsync("cp", ["-a", template, context], ct);
        await File.WriteAllTextAsync(Path.Combine(context, ".dockerignore"), testCase.Dockerignore, ct);
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), Dockerfile, ct);
        var dockerfile = Path.GetFullPath(Path.Combine(context, testCase.Dockerfile));
        Directory.CreateDirectory(Path.GetDirectoryName(dockerfile)!);
        await File.WriteAllTextAsync(dockerfile, Dockerfile, ct);

        // Both sides build at once: they share nothing but the (read-only) context directory.
        var cliTag = tag + "-cli";
        var ourTag = tag + "-slipway";
        var cliBuild = RunAsync(Cli, ["build", "-q", "--no-cache", "--network", "host", "-f", dockerfile, "-t", cliTag, context], ct, ("DOCKER_BUILDKIT", "0"));
        var ourBuild = BuildWithSlipwayAsync(context, dockerfile, ourTag, ct);
        var cli = await cliBuild;
        var ourError = await ourBuild;

        if (cli.ExitCode != 0)
        {
            var cliError = CliError(cli.Stderr);
            return ourError is null ? $"the CLI refuses ({cliError}), Slipway builds"
                : ourError.Contains(cliError, StringComparison.Ordinal) ? null
                : $"both refuse, with other messages: CLI \"{cliError}\", Slipway \"{ourError}\"";
        }

        if (ourError is not null)
        {
            return $"the CLI builds, Slipway refuses: {ourError}";
        }

        // Identical layers have identical digests; otherwise compare them entry by entry, since directories the
        // engine makes itself (parents of re-included files) carry the time of each build.
        var cliLayers = await RunAsync("docker", ["image", "inspect", "-f", "{{.RootFS.Layers}}", cliTag], ct);
        var ourLayers = await RunAsync("docker", ["image", "inspect", "-f", "{{.RootFS.Layers}}", ourTag], ct);
        if (cliLayers.ExitCode == 0 && cliLayers.Stdout == ourLayers.Stdout)
        {
            return null;
        }

        var theirs = cliLayers.Stdout.Trim() == "[]" ? [] : await ListLayerAsync(cliTag, ct);
        var ours = ourLayers.Stdout.Trim() == "[]" ? [] : await ListLayerAsync(ourTag, ct);
        if (theirs.SequenceEqual(ours))
        {
            return null;
        }

        var onlyCli = theirs.Except(ours).ToList();
        var onlyOurs = ours.Except(theirs).ToList();
        return $"image differs; only from the CLI: [{string.Join("; ", onlyCli)}]; only from Slipway: [{string.Join("; ", onlyOurs)}]";
    }

    /// <summary>Null when the build succeeds, else the error as Slipway reports it.</summary>
    private async Task<string?> BuildWithSlipwayAsync(string context, string dockerfile, string tag, CancellationToken ct)
    {
        try
        {
            await new ImageBuilder(fixture.Engine).BuildAsync(
                new ImageBuildRequest { ContextDirectory = context, Dockerfile = dockerfile, Tags = [tag], NoCache = true },
                new RecordingLog(),
                ct);
            return null;
        }
        catch (Exception exception) when (exception is FormatException or DockerBuildException or IOException or UnauthorizedAccessException)
        {
            return exception.Message;
        }
    }

    /// <summary>"error checking context: syntax error in pattern" → "syntax error in pattern".</summary>
    private static string CliError(string stderr)
    {
        var line = stderr.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0 && !l.Contains("deprecated", StringComparison.OrdinalIgnoreCase)
            && !l.Contains("BuildKit", StringComparison.Ordinal) && !l.Contains("environment-variable", StringComparison.Ordinal)) ?? stderr;
        const string Checking = "error checking context: ";
        var at = line.IndexOf(Checking, StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? line[(at + Checking.Length)..] : line;
    }

    /// <summary>The entries of the image's only layer, one line each, sorted.</summary>
    private async Task<List<string>> ListLayerAsync(string tag, CancellationToken ct)
    {
        var listing = new List<string>();
        // The images are tiny: read them into memory, since nested tars need seekable streams.
        var image = new MemoryStream();
        await using (var saved = await fixture.Engine.Client.Images.SaveImageAsync(tag, ct))
        {
            await saved.CopyToAsync(image, ct);
        }

        image.Position = 0;
        await using var outer = new TarReader(image);
        while (await outer.GetNextEntryAsync(copyData: false, ct) is { } entry)
        {
            if (!entry.Name.EndsWith("layer.tar", StringComparison.Ordinal) || entry.DataStream is null)
            {
                continue;
            }

            await using var layer = new TarReader(entry.DataStream);
            while (await layer.GetNextEntryAsync(copyData: false, ct) is { } file)
            {
                var hash = file.DataStream is null ? "-" : Convert.ToHexString(await SHA256.HashDataAsync(file.DataStream, ct))[..12];
                var device = file is PosixTarEntry posix && file.EntryType is TarEntryType.CharacterDevice or TarEntryType.BlockDevice ? $" dev={posix.DeviceMajor},{posix.DeviceMinor}" : "";

                var seconds = file.ModificationTime.ToUnixTimeSeconds();
                var time = file.EntryType == TarEntryType.Directory && seconds > TemplateTime ? " made-by-the-engine" : $" mtime={seconds}";
                listing.Add($"{Escape(file.Name)} {file.EntryType} {Convert.ToString((int)file.Mode, 8)} {file.Uid}:{file.Gid} size={file.Length} sha={hash} link={Escape(file.LinkName)}{device}{time}");
            }
        }

        listing.Sort(StringComparer.Ordinal);
        return listing;
    }

    private static string Escape(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>The tree every case starts from: <see cref="DifferentialCases.Tree"/> and one file of every kind.</summary>
    private static async Task<string> CreateTemplateAsync(string directory)
    {
        foreach (var file in DifferentialCases.Tree)
        {
            var path = Path.Combine(directory, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, file + "\n");
        }

        File.CreateSymbolicLink(Path.Combine(directory, "dangling"), "nowhere");
        File.CreateSymbolicLink(Path.Combine(directory, "linkdir"), "docs");
        File.CreateSymbolicLink(Path.Combine(directory, "linkfile"), "README.md");
        await File.WriteAllTextAsync(Path.Combine(directory, "hard1"), "one inode, two names\n");
        await RunAsync("ln", [Path.Combine(directory, "hard1"), Path.Combine(directory, "hard2")], CancellationToken.None);
        await RunAsync("mkfifo", [Path.Combine(directory, "pipe")], CancellationToken.None);
        await RunAsync("mknod", [Path.Combine(directory, "null"), "c", "1", "3"], CancellationToken.None);
        await RunAsync("mknod", [Path.Combine(directory, "loop"), "b", "7", "200"], CancellationToken.None);
        await RunAsync("chmod", ["4750", Path.Combine(directory, "file")], CancellationToken.None);
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(directory, "sock")));
        }

        await RunAsync("find", [directory, "-mindepth", "1", "-depth", "-exec", "touch", "-h", "-d", $"@{TemplateTime}", "{}", "+"], CancellationToken.None);

        return directory;
    }

    private async Task RemoveImagesAsync(string prefix)
    {
        var images = await RunAsync("docker", ["images", "--format", "{{.Repository}}:{{.Tag}}", "--filter", $"reference={prefix}*"], CancellationToken.None);
        var tags = images.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tags.Length > 0)
        {
            var removed = await RunAsync("docker", ["rmi", "-f", .. tags], CancellationToken.None);
            output.WriteLine($"removed {tags.Length} test images (exit {removed.ExitCode})");
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, string[] arguments, CancellationToken ct, params (string Name, string Value)[] environment)
    {
        var startInfo = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (Path.GetFileName(file) != "docker" && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
