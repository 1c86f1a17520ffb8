using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Slipway.Aws.Tests.Support;

/// <summary>What the scripted server received: enough to check headers, target and signature.</summary>
internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>The answer to one request.</summary>
internal sealed record ScriptedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);

/// <summary>
/// A tiny HTTP server on 127.0.0.1 that answers from a script (attempt number → response) and records what it was
/// sent: for the failures moto cannot produce (500s, throttling, slow answers).
/// </summary>
internal sealed class ScriptedServer : IDisposable
{
    private readonly HttpListener listener;
    private readonly Func<int, ReceivedRequest, ScriptedResponse> script;
    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private readonly Task loop;
    private int count;

    public ScriptedServer(Func<int, ReceivedRequest, ScriptedResponse> script)
    {
        this.script = script;
        (listener, Url) = Listen();
        loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>A free port can be taken by another process before we bind it (other suites run at once): try another.</summary>
    private static (HttpListener Listener, string Url) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort.Next()}/";
            var candidate = new HttpListener();
            candidate.Prefixes.Add(url);
            try
            {
                candidate.Start();
                return (candidate, url);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                candidate.Close();
            }
        }
    }

    public IReadOnlyList<ReceivedRequest> Received => [.. received];

    public int Count => Volatile.Read(ref count);

    public static ScriptedServer Always(ScriptedResponse response) => new((_, _) => response);

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        var request = new ReceivedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "/", headers, body.ToArray());
        received.Enqueue(request);
        var attempt = Interlocked.Increment(ref count);
        var response = script(attempt, request);
        if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay);
        }

        try
        {
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = "application/x-amz-json-1.1";
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up on this attempt (timeout test): nothing to answer.
        }
    }
}
