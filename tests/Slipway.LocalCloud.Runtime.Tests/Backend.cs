using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Slipway.LocalCloud.Runtime.Tests;

/// <summary>
/// A real HTTP server on a free 127.0.0.1 port that answers its own name, so a test sees which target got a
/// request; <c>/slow</c> answers after <see cref="SlowDelay"/>, to keep a request in flight.
/// </summary>
internal sealed class Backend : IAsyncDisposable
{
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(3);

    private readonly WebApplication app;

    private Backend(WebApplication app, string name, int port)
    {
        this.app = app;
        Name = name;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    public int Requests => requests;

    /// <summary>Responses whose handler has returned: the end of the body leaves only after this count rises.</summary>
    public int Answered => answered;

    private int requests;

    private int answered;

    public LoadBalancerTarget Target => new(Name, Port);

    public static async Task<Backend> StartAsync(string name)
    {
        var port = RuntimeFixture.FreePort();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var backend = new Backend(app, name, port);
        app.Run(async context =>
        {
            Interlocked.Increment(ref backend.requests);
            if (context.Request.Path == "/slow")
            {
                await Task.Delay(SlowDelay);
            }

            await context.Response.WriteAsync(name);
            Interlocked.Increment(ref backend.answered);
        });
        await app.StartAsync();
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
