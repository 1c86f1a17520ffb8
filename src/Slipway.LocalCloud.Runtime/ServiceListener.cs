using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Forwarder;

namespace Slipway.LocalCloud.Runtime;

/// <summary>
/// Kestrel on 127.0.0.1:port for one service. Each request goes to the next target in turn (not each
/// connection: a keep-alive client is spread over the tasks and leaves a draining one at its next request).
/// A request that could not reach its task at all, and has no body to resend, is tried on the next one.
/// </summary>
internal sealed class ServiceListener : IAsyncDisposable
{
    private const int MaxAttempts = 3;

    private readonly WebApplication app;
    private readonly ServiceTargets targets;
    private readonly HttpMessageInvoker client;
    private readonly string serviceKey;

    private ServiceListener(WebApplication app, ServiceTargets targets, HttpMessageInvoker client, string serviceKey, int port)
    {
        this.app = app;
        this.targets = targets;
        this.client = client;
        this.serviceKey = serviceKey;
        Port = port;
    }

    public int Port { get; }

    public static async Task<ServiceListener> StartAsync(string serviceKey, int port, ServiceTargets targets, HttpMessageInvoker client, CancellationToken cancellationToken)
    {
        // The empty builder reads no ASPNETCORE_* variables: the local cloud's own settings must not add endpoints here.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Listen(IPAddress.Loopback, port);
        });
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        var listener = new ServiceListener(app, targets, client, serviceKey, port);
        app.Run(listener.ForwardAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException exception)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException(
                $"The load balancer of service '{serviceKey}' cannot listen on 127.0.0.1:{port}: {exception.Message}. Stop what uses the port, or publish the service on another port in its environment file.",
                exception);
        }

        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var forwarder = context.RequestServices.GetRequiredService<IHttpForwarder>();
        var canResend = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false;
        for (var attempt = 1; ; attempt++)
        {
            if (targets.Next() is not { } target)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"No healthy task of service '{serviceKey}' is registered with the load balancer.\n", context.RequestAborted);
                return;
            }

            ForwarderError error;
            using (targets.Begin(target.TaskId))
            {
                error = await forwarder.SendAsync(context, $"http://127.0.0.1:{target.HostPort}/", client, ForwarderRequestConfig.Empty, HttpTransformer.Empty);
            }

            if (error != ForwarderError.Request || !canResend || context.Response.HasStarted || attempt == MaxAttempts || context.RequestAborted.IsCancellationRequested)
            {
                return;
            }

            // Nothing reached the task (it is going away): forget the 502 and try the next one.
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Features.Set<IForwarderErrorFeature>(null);
        }
    }
}
