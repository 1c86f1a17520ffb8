using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Slipway.Aws.Tests.Support;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>
/// Stands between the clients and moto_server and records the operation of every request it forwards (the
/// <c>X-Amz-Target</c> of JSON calls, the <c>Action</c> of query calls such as STS): the server's view of what a
/// deploy called. moto does not check signatures, so forwarding to another host is harmless.
/// </summary>
internal sealed class CountingProxy : IDisposable
{
    /// <summary>Reads never change anything; every other operation counts as writing.</summary>
    private static readonly string[] ReadPrefixes = ["Describe", "List", "Get", "BatchGet"];

    private readonly HttpListener listener = new();
    private readonly HttpClient upstream = new();
    private readonly string target;
    private readonly ConcurrentQueue<(string Action, string Operation, string Body)> requests = new();
    private readonly Task loop;

    public CountingProxy(string targetUrl)
    {
        target = targetUrl.TrimEnd('/');
        Url = $"http://127.0.0.1:{FreePort.Next()}";
        listener.Prefixes.Add(Url + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public IReadOnlyList<string> Operations => [.. requests.Select(r => r.Operation)];

    /// <summary>The calls as IAM names them: <c>ecr:DescribeImages</c>, <c>ecs:UpdateService</c>, <c>sts:GetCallerIdentity</c>.</summary>
    public IReadOnlyList<string> Actions => [.. requests.Select(r => r.Action)];

    /// <summary>Every call as IAM names it, with its body (which names the resource it acts on).</summary>
    public IReadOnlyList<(string Action, string Body)> Calls => [.. requests.Select(r => (r.Action, r.Body))];

    /// <summary>The body of the last request for an operation (moto ignores some members, e.g. deploymentConfiguration).</summary>
    public string LastBody(string operation) => requests.Last(r => r.Operation == operation).Body;

    public IReadOnlyList<string> WritingOperations => [.. Operations.Where(o => !ReadPrefixes.Any(p => o.StartsWith(p, StringComparison.Ordinal)))];

    public void Clear() => requests.Clear();

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

        upstream.Dispose();
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

            _ = Task.Run(() => ForwardAsync(context));
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var bytes = body.ToArray();
        var amzTarget = context.Request.Headers["X-Amz-Target"];
        var operation = OperationOf(amzTarget, bytes);
        requests.Enqueue(($"{ServiceOf(amzTarget)}:{operation}", operation, Encoding.UTF8.GetString(bytes)));

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), target + context.Request.RawUrl) { Content = new ByteArrayContent(bytes) };
        foreach (var name in context.Request.Headers.AllKeys.Where(k => k is not null && k is not "Host" and not "Content-Length" and not "Connection" and not "Expect"))
        {
            var value = context.Request.Headers[name!]!;
            if (!request.Headers.TryAddWithoutValidation(name!, value))
            {
                request.Content.Headers.TryAddWithoutValidation(name!, value);
            }
        }

        try
        {
            using var response = await upstream.SendAsync(request);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers).Where(h => h.Key is not "Content-Length" and not "Transfer-Encoding" and not "Connection"))
            {
                context.Response.Headers[header.Key] = string.Join(",", header.Value);
            }

            var answer = await response.Content.ReadAsByteArrayAsync();
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException or HttpRequestException)
        {
            context.Response.Abort();
        }
    }

    /// <summary>The IAM prefix of a call: its X-Amz-Target's service, or STS for a query call.</summary>
    private static string ServiceOf(string? amzTarget) => amzTarget switch
    {
        null or "" => "sts",
        _ when amzTarget.StartsWith("AmazonEC2ContainerRegistry", StringComparison.Ordinal) => "ecr",
        _ when amzTarget.StartsWith("AmazonEC2ContainerService", StringComparison.Ordinal) => "ecs",
        _ => amzTarget[..amzTarget.IndexOf('.', StringComparison.Ordinal)],
    };

    private static string OperationOf(string? amzTarget, byte[] body)
    {
        if (amzTarget is { Length: > 0 })
        {
            return amzTarget[(amzTarget.LastIndexOf('.') + 1)..];
        }

        var form = Encoding.UTF8.GetString(body);
        return form.Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == "Action")?[1] ?? "(unknown)";
    }
}
