using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;
using Slipway.Aws.Ecs.Model;
using Slipway.Docker;
using Slipway.Output;

namespace Slipway.LocalCloud.Runtime.Tests;

/// <summary>
/// The real engine (started with the safe flags when none answers), a busybox image imported for this run, a
/// registry on a free 127.0.0.1 port holding a copy of it, and a runtime scope no other run uses. Removes its
/// containers and images at the end; stops only what it started.
/// </summary>
public sealed class RuntimeFixture : IAsyncLifetime
{
    private const string Prefix = "slipway-runtime-test";

    private const string ImageRepository = Prefix + "/busybox";

    /// <summary>The run's process id leads the tag and the scope, so a later run knows what a dead one left.</summary>
    private static readonly string Owner = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    private readonly string tag = $"{Owner}-{Guid.NewGuid():N}"[..20];
    private LocalDockerDaemon? daemon;
    private LocalRegistry? registry;

    public DockerEngine Engine { get; } = DockerEngine.FromEnvironment();

    public TimeProvider Time { get; } = TimeProvider.System;

    public RecordingLog Log { get; } = new();

    /// <summary>Unique per run: containers of other runs and of the real local cloud are never seen.</summary>
    public string Scope { get; } = $"{Prefix}-{Owner}-{Guid.NewGuid():N}"[..40];

    public string Image => $"{ImageRepository}:{tag}";

    /// <summary>The same image, only in the registry: starting a task with it must pull.</summary>
    public string RegistryImage => $"{Registry.Host}/{ImageRepository}:{tag}";

    public LocalRegistry Registry => registry ?? throw new InvalidOperationException("fixture not initialised");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        await DebianPackages.EnsureLocalToolchainAsync(NullLog.Instance, ct);
        await DebianPackages.EnsureInstalledAsync(BusyboxImage.HostBusybox, ["busybox-static"], NullLog.Instance, ct);
        daemon = await LocalDockerDaemon.EnsureRunningAsync(Engine, NullLog.Instance, Time, ct);
        await Engine.EnsureAnsweringAsync(NullLog.Instance, ct);
        await RemoveLeftoversAsync(ct);
        await BusyboxImage.CreateAsync(Engine, "slipway-runtime-test/busybox", tag, ct);
        registry = await LocalRegistry.StartAsync(NullLog.Instance, Time, ct);

        var (repository, _) = (RegistryImage[..RegistryImage.LastIndexOf(':')], tag);
        await Engine.Client.Images.TagImageAsync(Image, new ImageTagParameters { RepositoryName = repository, Tag = tag }, ct);
        await Engine.Client.Images.PushImageAsync(RegistryImage, new ImagePushParameters { Tag = tag }, new AuthConfig(), new Progress<JSONMessage>(), ct);
        await Engine.Client.Images.DeleteImageAsync(RegistryImage, new ImageDeleteParameters(), ct);
    }

    public DockerTaskRuntime NewRuntime(string? scope = null) => new(Engine, scope ?? Scope, Log, Time);

    public async Task DisposeAsync()
    {
        var containers = await Engine.Client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { ["slipway.localcloud.scope"] = true } },
            });
        foreach (var container in containers.Where(c => c.Labels["slipway.localcloud.scope"].StartsWith(Scope, StringComparison.Ordinal)))
        {
            await Engine.Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }

        foreach (var image in new[] { RegistryImage, Image })
        {
            try
            {
                await Engine.Client.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = true });
            }
            catch (DockerApiException)
            {
                // Not present (the registry copy is only pulled by some tests).
            }
        }

        if (registry is not null)
        {
            await registry.DisposeAsync();
        }

        if (daemon is not null)
        {
            await daemon.DisposeAsync();
        }

        Engine.Dispose();
    }

    /// <summary>
    /// The containers and images of earlier runs whose process is gone (stopped by Ctrl+C, or a mutation run's
    /// test host killed on a timeout): removed, and those of a run still going left alone.
    /// </summary>
    private async Task RemoveLeftoversAsync(CancellationToken cancellationToken)
    {
        // By name as well as by scope label: a mutation run's mutant may have dropped the label.
        var containers = await Engine.Client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [Prefix + "-"] = true } },
            },
            cancellationToken);
        foreach (var container in containers.Where(c => c.Names.Any(n => OfDeadRun(n.TrimStart('/'), Prefix + "-"))))
        {
            await Engine.Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true }, cancellationToken);
        }

        var images = await Engine.Client.Images.ListImagesAsync(new ImagesListParameters(), cancellationToken);
        foreach (var reference in images.SelectMany(i => i.RepoTags ?? []).Where(t => t.Contains(ImageRepository + ":", StringComparison.Ordinal)))
        {
            if (OfDeadRun(reference, reference[..(reference.LastIndexOf(':') + 1)]))
            {
                await Engine.Client.Images.DeleteImageAsync(reference, new ImageDeleteParameters { Force = true }, cancellationToken);
            }
        }
    }

    /// <summary>Whether <paramref name="name"/> is <paramref name="prefix"/>, a pid and more, and that process is gone.</summary>
    private static bool OfDeadRun(string name, string prefix)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var pid = name[prefix.Length..].Split('-')[0];
        return int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out _) && !Directory.Exists($"/proc/{pid}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A launch of one task with the given containers, its own id, ARN and free host port.</summary>
    public static TaskLaunch Launch(IReadOnlyDictionary<string, string>? secrets = null, params ContainerDefinition[] containers)
    {
        var id = Guid.NewGuid().ToString("N");
        return new TaskLaunch(
            id,
            $"arn:aws:ecs:us-east-1:000000000000:task/local/{id}",
            new TaskDefinition
            {
                Family = "runtime-test",
                Revision = 1,
                TaskDefinitionArn = "arn:aws:ecs:us-east-1:000000000000:task-definition/runtime-test:1",
                ContainerDefinitions = containers,
            },
            FreePort(),
            secrets ?? new Dictionary<string, string>());
    }

    /// <summary>A container of the busybox image running <paramref name="script"/> with sh.</summary>
    public ContainerDefinition Shell(string name, string script, string? image = null) => new()
    {
        Name = name,
        Image = image ?? Image,
        Essential = true,
        Command = ["sh", "-c", script],
    };

    /// <summary>
    /// A web server on the task's port whose /health answers with <paramref name="body"/>, with a health check
    /// every second.
    /// </summary>
    public ContainerDefinition WebServer(string name, string body) => new()
    {
        Name = name,
        Image = Image,
        Essential = true,
        PortMappings = [new PortMapping { ContainerPort = 8080, Protocol = "tcp" }],
        Environment = [new Slipway.Aws.Ecs.Model.KeyValuePair { Name = "BODY", Value = body }],
        Command = ["sh", "-c", "echo \"$BODY\" > /www/health && exec httpd -f -p 127.0.0.1:$PORT -h /www"],
        HealthCheck = new HealthCheck { Command = ["CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:$PORT/health || exit 1"], Interval = 1, Timeout = 2, Retries = 2 },
        StopTimeout = 1,
    };

    /// <summary>Observes the task until <paramref name="condition"/> holds, failing after <paramref name="timeout"/>.</summary>
    public static async Task<TaskObservation> WaitUntilAsync(ITaskRuntime runtime, string taskId, Func<TaskObservation, bool> condition, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        TaskObservation observation = new(taskId, []);
        while (!cts.IsCancellationRequested)
        {
            observation = await runtime.ObserveAsync(taskId, CancellationToken.None);
            if (condition(observation))
            {
                return observation;
            }

            await Task.Delay(200, CancellationToken.None);
        }

        throw new TimeoutException($"task {taskId} did not reach the expected state within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; last seen: {string.Join("; ", observation.Containers)}");
    }
}

[CollectionDefinition(Name)]
public sealed class RealEngine : ICollectionFixture<RuntimeFixture>
{
    public const string Name = "engine";
}
