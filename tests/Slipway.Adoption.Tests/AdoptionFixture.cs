using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using Slipway.Components.Tests.Local;
using Xunit.Abstractions;

namespace Slipway.Adoption.Tests;

/// <summary>
/// The adoption of Slipway by another repository, run once for every test of the class (a cold deploy costs
/// minutes): this repository, as committed on a release tag, packs into a local folder feed (twice, and pushes once);
/// then a fresh sample repository made by <c>dotnet new webapi</c> gets <c>dotnet new slipway</c> from that feed
/// and runs <c>./build.sh Deploy</c> on a local environment of its own (the local cloud and the service on free
/// ports). Each step runs only when the one before it succeeded; the tests assert on what they printed.
/// </summary>
public sealed class AdoptionFixture(IMessageSink sink) : IAsyncLifetime
{
    public const string ApiKey = "adoption-test-api-key-6f1c";
    public const string SampleProject = "src/Sample/Sample.csproj";

    /// <summary>The sample's image repository: its images are this test's own, removed at the end.</summary>
    public const string ImageRepository = "slipway-adoption-test/sample";

    private readonly EngineFixture engine = new();

    public string Work { get; } = Directory.CreateTempSubdirectory("slipway-adoption-").FullName;

    /// <summary>A prerelease of its own: the packages never meet another run's in the NuGet cache.</summary>
    public string Version { get; } = $"0.1.0-adoption-{Guid.NewGuid():N}"[..32];

    public string Source => Path.Combine(Work, "slipway");

    public string Feed => Path.Combine(Work, "feed");

    public string FeedAgain => Path.Combine(Work, "feed-again");

    public string PushedFeed => Path.Combine(Work, "pushed");

    public string Sample => Path.Combine(Work, "sample");

    public int CloudPort { get; } = FreePort();

    public int ServicePort { get; } = FreePort();

    public CommandResult? Pack { get; private set; }

    public CommandResult? PackAgain { get; private set; }

    public CommandResult? Push { get; private set; }

    public CommandResult? Template { get; private set; }

    public CommandResult? TemplateAgain { get; private set; }

    public CommandResult? Deploy { get; private set; }

    /// <summary>A newer Slipway.Components (made from this run's) that the feed gets after the deploy.</summary>
    public string NewerVersion => "0.1.1";

    public CommandResult? RestoreWithoutCheck { get; private set; }

    public CommandResult? RestoreWithCheck { get; private set; }

    private string Hive => Path.Combine(Work, "template-hive");

    public async Task InitializeAsync()
    {
        await engine.InitializeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(25));
        var ct = timeout.Token;
        await CopyRepositoryAsync(ct);
        Pack = await Report("pack", Command.RunAsync(Path.Combine(Source, "build.sh"), ["Pack", "--packages-directory", Feed], Source, ct));
        if (Pack.ExitCode != 0)
        {
            return;
        }

        PackAgain = await Report("second pack", Command.RunAsync(Path.Combine(Source, "build.sh"), ["Pack", "--packages-directory", FeedAgain], Source, ct));
        Directory.CreateDirectory(PushedFeed);
        Push = await Report("push", Command.RunAsync(
            Path.Combine(Source, "build.sh"),
            ["PushPackages", "--skip", "Pack", "--packages-directory", Feed, "--package-feed", PushedFeed, "--package-feed-api-key", ApiKey],
            Source,
            ct));

        await CreateSampleAsync(ct);
        var template = Directory.GetFiles(Feed, "Slipway.Templates.*.nupkg").Single();
        await Command.SucceedAsync("dotnet", ["new", "install", template, "--debug:custom-hive", Hive], Sample, ct);
        string[] slipway = ["new", "slipway", "--service-project", SampleProject, "--image-repository", ImageRepository, "--port", ServicePort.ToString(CultureInfo.InvariantCulture), "--debug:custom-hive", Hive];
        Template = await Report("dotnet new slipway", Command.RunAsync("dotnet", slipway, Sample, ct));
        if (Template.ExitCode != 0)
        {
            return;
        }

        TemplateAgain = await Report("dotnet new slipway again", Command.RunAsync("dotnet", slipway, Sample, ct));

        // The sample's own local environment: its local cloud on a free port, so one already on 4566 is untouched.
        var local = Path.Combine(Sample, "deploy", "environments", "local.json");
        await File.WriteAllTextAsync(local, (await File.ReadAllTextAsync(local, ct)).Replace("127.0.0.1:4566", $"127.0.0.1:{CloudPort}", StringComparison.Ordinal), ct);
        await GitAsync(Sample, ["add", "-A"], ct);
        await GitAsync(Sample, ["commit", "-q", "-m", "Slipway"], ct);
        Deploy = await Report("deploy", Command.RunAsync(Path.Combine(Sample, "build.sh"), ["Deploy"], Sample, ct));

        PublishNewerComponents();
        RestoreWithoutCheck = await Report("restore", Command.RunAsync(Path.Combine(Sample, "build.sh"), ["Restore"], Sample, ct));
        RestoreWithCheck = await Report("restore --check-updates", Command.RunAsync(Path.Combine(Sample, "build.sh"), ["Restore", "--check-updates"], Sample, ct));
    }

    /// <summary>Slipway.Components at <see cref="NewerVersion"/> in the feed: this run's package with another version in its nuspec.</summary>
    private void PublishNewerComponents()
    {
        var newer = Path.Combine(Feed, $"Slipway.Components.{NewerVersion}.nupkg");
        File.Copy(Path.Combine(Feed, $"Slipway.Components.{Version}.nupkg"), newer);
        using var zip = ZipFile.Open(newer, ZipArchiveMode.Update);
        var nuspec = zip.GetEntry("Slipway.Components.nuspec")!;
        string text;
        using (var reader = new StreamReader(nuspec.Open()))
        {
            text = reader.ReadToEnd();
        }

        nuspec.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("Slipway.Components.nuspec").Open());
        writer.Write(text.Replace($"<version>{Version}</version>", $"<version>{NewerVersion}</version>", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (Deploy is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var down = await Command.RunAsync(Path.Combine(Sample, "build.sh"), ["EnvironmentDown", "--purge"], Sample, timeout.Token);
            if (down.ExitCode != 0)
            {
                sink.OnMessage(new Xunit.Sdk.DiagnosticMessage($"EnvironmentDown in {Sample} failed: {down}"));
            }
        }

        await RemoveImagesAsync();
        DeleteFromNuGetCache();
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
            // Files of a container still being removed: a temporary directory left behind is harmless.
        }

        await engine.DisposeAsync();
    }

    /// <summary>This repository as committed on a release tag, with a GitHub remote (SourceLink reads it; nothing is fetched).</summary>
    private async Task CopyRepositoryAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        var files = await Command.SucceedAsync("git", ["ls-files", "-co", "--exclude-standard", "-z"], root, cancellationToken);
        foreach (var file in files.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var from = Path.Combine(root, file.Trim('\r', '\n'));
            if (!File.Exists(from))
            {
                continue; // deleted in the working tree
            }

            var to = Path.Combine(Source, file.Trim('\r', '\n'));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(to, File.GetUnixFileMode(from));
            }
        }

        await GitAsync(Source, ["init", "-q", "-b", "main"], cancellationToken);
        await GitAsync(Source, ["add", "-A"], cancellationToken);
        await GitAsync(Source, ["commit", "-q", "-m", "A release of Slipway"], cancellationToken);
        await GitAsync(Source, ["tag", $"v{Version}"], cancellationToken);
        await GitAsync(Source, ["remote", "add", "origin", "https://github.com/slipway-build/slipway.git"], cancellationToken);
    }

    /// <summary>A repository of its own with a web API and the feed in its nuget.config, as a team would have.</summary>
    private async Task CreateSampleAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Sample);
        await GitAsync(Sample, ["init", "-q", "-b", "main"], cancellationToken);
        await Command.SucceedAsync("dotnet", ["new", "webapi", "-n", "Sample", "-o", "src/Sample"], Sample, cancellationToken);
        await Command.SucceedAsync("dotnet", ["new", "nugetconfig"], Sample, cancellationToken);
        await Command.SucceedAsync("dotnet", ["nuget", "add", "source", Feed, "--name", "team-feed", "--configfile", "nuget.config"], Sample, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Sample, ".gitignore"), "bin/\nobj/\nartifacts/\n", cancellationToken);
        await GitAsync(Sample, ["add", "-A"], cancellationToken);
        await GitAsync(Sample, ["commit", "-q", "-m", "A web API"], cancellationToken);
    }

    private async Task<CommandResult> Report(string step, Task<CommandResult> running)
    {
        var result = await running;
        sink.OnMessage(new Xunit.Sdk.DiagnosticMessage($"adoption, {step}: exit code {result.ExitCode} after {result.Duration.TotalSeconds:0.0} s"));
        return result;
    }

    private static Task<CommandResult> GitAsync(string directory, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        Command.SucceedAsync("git", ["-c", "user.name=adoption", "-c", "user.email=adoption@localhost", .. arguments], directory, cancellationToken);

    private static async Task RemoveImagesAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var images = await Command.RunAsync("docker", ["images", "--format", "{{.Repository}}:{{.Tag}}"], Path.GetTempPath(), timeout.Token);
        var ours = images.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(image => image.Contains(ImageRepository + ":", StringComparison.Ordinal) && !image.EndsWith(":<none>", StringComparison.Ordinal))
            .ToList();
        if (ours.Count > 0)
        {
            await Command.RunAsync("docker", ["rmi", "-f", .. ours], Path.GetTempPath(), timeout.Token);
        }
    }

    /// <summary>The packages of this run's version, restored into the machine's NuGet cache by the sample's build.</summary>
    private void DeleteFromNuGetCache()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (!Directory.Exists(cache))
        {
            return;
        }

        foreach (var package in Directory.GetDirectories(cache, "slipway*"))
        {
            var version = Path.Combine(package, Version.ToLowerInvariant());
            if (Directory.Exists(version))
            {
                Directory.Delete(version, recursive: true);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
