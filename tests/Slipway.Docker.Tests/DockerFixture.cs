using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using Xunit.Abstractions;

namespace Slipway.Docker.Tests;

/// <summary>
/// A real engine and a real registry for the integration tests: uses the engine that answers, else installs
/// and starts dockerd with the safe flags; starts a registry on a free 127.0.0.1 port; publishes the service
/// once and resolves its base image once. Stops only what it started; keeps the base image for later runs.
/// </summary>
public sealed class DockerFixture(IMessageSink sink) : IAsyncLifetime
{
    public const string Version = "1.2.3";
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";
    public static readonly DateTimeOffset CommitTime = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly List<string> imagesToRemove = [];
    private readonly TestImageLedger ledger = TestImageLedger.ForThisProcess();
    private readonly Lock imagesGate = new();
    private LocalDockerDaemon? daemon;
    private LocalRegistry? registry;
    private string? workDirectory;
    private Task<BuiltImage>? serviceImage;

    public RecordingLog Log { get; } = new(sink: sink);

    public TimeProvider Time { get; } = TimeProvider.System;

    public DockerEngine Engine { get; } = DockerEngine.FromEnvironment();

    public LocalRegistry Registry => registry ?? throw new InvalidOperationException("fixture not initialised");

    public string RepositoryRoot { get; } = TestSupport.RepositoryRoot.Find();

    public string Dockerfile => Path.Combine(RepositoryRoot, "src", "Api", "Dockerfile");

    public string PublishDirectory => Path.Combine(WorkDirectory, "publish");

    public string WorkDirectory => workDirectory ?? throw new InvalidOperationException("fixture not initialised");

    public string BaseImage { get; private set; } = "";

    /// <summary>A repository name no other run uses, so parallel runs and leftovers never collide.</summary>
    public string LocalRepository { get; } = $"slipway-test/api-{Guid.NewGuid():N}"[..30];

    public async Task InitializeAsync()
    {
        // Generous: a fresh machine installs packages and debootstraps the base image here.
        using var timeout = TestTimeouts.Start(TestTimeouts.Fixture);
        var ct = timeout.Token;
        workDirectory = OwnedTemporaryDirectory.Create("slipway-docker-tests-");
        // The tests need the engine, the registry and debootstrap: this fixture is where installing them is asked for.
        await DebianPackages.EnsureLocalToolchainAsync(Log, ct);
        daemon = await LocalDockerDaemon.EnsureRunningAsync(Engine, Log, Time, ct);
        await Engine.EnsureAnsweringAsync(Log, ct);
        foreach (var leftover in await ledger.RemoveLeftoversAsync(Engine, ct))
        {
            Log.Write(Output.LogLevel.Information, $"removed {leftover}, left by an interrupted run of these tests");
        }

        registry = await LocalRegistry.StartAsync(Log, Time, ct);

        // Publishing and making the base image are independent and each take a while.
        var publish = PublishAsync(ct);
        var baseImage = new BaseImage(Engine, Time) { InstallMissingPackages = true }.ResolveAsync(Environment.GetEnvironmentVariable("SLIPWAY_BASE_IMAGE"), Log, ct);
        await Task.WhenAll(publish, baseImage);
        BaseImage = await baseImage;
    }

    /// <summary>The service image, built once for all tests that only look at it.</summary>
    public Task<BuiltImage> ServiceImageAsync()
    {
        lock (imagesGate)
        {
            return serviceImage ??= BuildServiceImageAsync(LocalRepository, new RecordingLog(), CancellationToken.None); // Shared by every test: no single test's deadline.
        }
    }

    public async Task<BuiltImage> BuildServiceImageAsync(string repository, RecordingLog log, CancellationToken ct, bool noCache = false)
    {
        var request = new ImageBuildRequest
        {
            ContextDirectory = PublishDirectory,
            Dockerfile = Dockerfile,
            Tags = ImageTags.For(repository, Version, Commit),
            BaseImage = BaseImage,
            Labels = OciLabels.Create(Version, Commit, CommitTime, "https://example.invalid/slipway", "Api"),
            NoCache = noCache,
        };
        RemoveAfterwards(request.Tags);
        return await new ImageBuilder(Engine).BuildAsync(request, log, ct);
    }

    /// <summary>A fresh directory inside the fixture's work directory, deleted with it.</summary>
    public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(WorkDirectory, $"{name}-{Guid.NewGuid().ToString("N")[..12]}")).FullName;

    /// <summary>
    /// Images (by tag or ID) this run makes: removed at the end, never the base image. Written down first, so that
    /// the next run removes them if this one is interrupted.
    /// </summary>
    public void RemoveAfterwards(IEnumerable<string> images)
    {
        lock (imagesGate)
        {
            var list = images.ToList();
            ledger.Add(list);
            imagesToRemove.AddRange(list);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var image in imagesToRemove.Distinct().Reverse())
        {
            try
            {
                await Engine.Client.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = true }, CancellationToken.None);
            }
            catch (DockerApiException)
            {
                // Already gone (several tags of one image).
            }
        }

        ledger.Close();
        if (registry is not null)
        {
            await registry.DisposeAsync();
        }

        if (daemon is not null)
        {
            await daemon.DisposeAsync();
        }

        Engine.Dispose();
        if (workDirectory is not null)
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }

    /// <summary>
    /// dotnet publish of src/Api with its own artifacts path, so the concurrent builds of other engineers in
    /// the same tree (src/Api/obj) neither disturb this one nor are disturbed by it.
    /// </summary>
    private async Task PublishAsync(CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in new[]
        {
            "publish", Path.Combine(RepositoryRoot, "src", "Api", "Api.csproj"), "-c", "Release",
            "-o", PublishDirectory, "--artifacts-path", Path.Combine(WorkDirectory, "artifacts"),
            // MinVer (in the service project) would version from git; the fixture pins its own version.
            $"-p:MinVerVersionOverride={Version}", $"-p:SourceRevisionId={Commit}", "-nologo", "-v", "quiet",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the child at the wrong SDK pieces.
        foreach (var name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            startInfo.Environment.Remove(name);
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish src/Api failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        Log.Write(Output.LogLevel.Information, $"published src/Api to {PublishDirectory}");
    }
}

[CollectionDefinition(Name)]
public sealed class RealDocker : ICollectionFixture<DockerFixture>
{
    public const string Name = "docker";
}
