using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Slipway.LocalCloud.Ecr;
using Slipway.LocalCloud.Ecs;
using Slipway.LocalCloud.Protocol;
using Slipway.LocalCloud.Runtime;
using Slipway.LocalCloud.Scheduling;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Hosting;

/// <summary>
/// Puts the local cloud together on 127.0.0.1: the AWS endpoint on <c>POST /</c>, <c>GET /_slipway/health</c>, and
/// the scheduler as a hosted service. The runtime and load balancer come from outside (real, or fakes in tests).
/// </summary>
internal static class CloudHost
{
    public const string HealthPath = "/_slipway/health";

    public static WebApplication Build(
        CloudOptions options,
        ITaskRuntime runtime,
        ILoadBalancer loadBalancer,
        TimeProvider time,
        SchedulerOptions? schedulerOptions = null,
        ITargetProbe? targetProbe = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

        var store = StateStore.Open(options.StateDirectory);
        var identity = new CloudIdentity(options.Region, options.RegistryHost);
        var wakeup = new Wakeup();
        var services = builder.Services;
        services.AddSingleton(time);
        services.AddSingleton(store);
        services.AddSingleton(identity);
        services.AddSingleton(wakeup);
        services.AddSingleton(runtime);
        services.AddSingleton(loadBalancer);
        services.AddSingleton(schedulerOptions ?? new SchedulerOptions());
        services.AddSingleton<ISecretSource>(new FileSecretSource(options.SecretsFile));
        services.AddSingleton(provider => new Scheduler(
            store,
            identity,
            runtime,
            loadBalancer,
            provider.GetRequiredService<ISecretSource>(),
            options.SecretsFile,
            time,
            provider.GetRequiredService<SchedulerOptions>(),
            wakeup,
            provider.GetRequiredService<ILogger<Scheduler>>(),
            targetProbe));
        services.AddSingleton<Readiness>();
        services.AddHostedService<SchedulerService>();
        services.AddSingleton(_ => new RegistryAccess(options.RegistryHost));
        services.AddSingleton<ClusterOperations>();
        services.AddSingleton<TaskDefinitionOperations>();
        services.AddSingleton<ServiceOperations>();
        services.AddSingleton<TaskOperations>();
        services.AddSingleton<TagOperations>();
        services.AddSingleton<RepositoryOperations>();
        services.AddSingleton<ImageOperations>();
        services.AddSingleton(provider => new AwsEndpoint(
            [
                EcsApi.Create(
                    provider.GetRequiredService<ClusterOperations>(),
                    provider.GetRequiredService<TaskDefinitionOperations>(),
                    provider.GetRequiredService<ServiceOperations>(),
                    provider.GetRequiredService<TaskOperations>(),
                    provider.GetRequiredService<TagOperations>()),
                EcrApi.Create(provider.GetRequiredService<RepositoryOperations>(), provider.GetRequiredService<ImageOperations>()),
            ],
            provider.GetRequiredService<ILogger<AwsEndpoint>>()));

        var app = builder.Build();
        app.MapPost("/", (HttpContext context, AwsEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapGet(HealthPath, (Readiness readiness) => readiness.IsReady ? Results.Text("ok\n") : Results.StatusCode(503));
        return app;
    }

    /// <summary>The address Kestrel bound (the real port when the options said 0).</summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }
}
