using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Slipway.Aws.Tests.Support;

/// <summary>What the scripted server received: enough to check headers, target and signature.</summary>
internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>The answer to one request; <paramref name="Drop"/> resets the connection instead, as a lost answer does.</summary>
internal sealed record ScriptedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default, bool Drop = false)
{
    public static ScriptedResponse Dropped { get; } = new(0, "", Drop: true);
}

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (a port the OS picks) that answers from a script (attempt number → response)
/// and records what it was sent: for the failures moto cannot produce (500s, throttling, slow or lost answers). One
/// request per connection, so that a reset connection loses exactly one answer.
/// </summary>
internal sealed class ScriptedServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, ReceivedRequest, ScriptedResponse> script;
    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private int count;

    public ScriptedServer(Func<int, ReceivedRequest, ScriptedResponse> script)
    {
        this.script = script;
        listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
        loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public IReadOnlyList<ReceivedRequest> Received => [.. received];

    public int Count => Volatile.Read(ref count);

    public static ScriptedServer Always(ScriptedResponse response) => new((_, _) => response);

    public void Dispose()
    {
        stopping.Cancel();
        listener.Stop();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(socket));
        }
    }

    private async Task AnswerAsync(Socket socket)
    {
        using var _ = socket;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            var request = await ReadAsync(stream);
            if (request is null)
            {
                return;
            }

            received.Enqueue(request);
            var response = script(Interlocked.Increment(ref count), request);
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, stopping.Token);
            }

            if (response.Drop)
            {
                socket.LingerState = new LingerOption(true, 0); // close with a reset: no answer, not even an empty one
                return;
            }

            var body = Encoding.UTF8.GetBytes(response.Body);
            var head = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {(HttpStatusCode)response.Status}\r\n")
                .Append("Content-Type: application/x-amz-json-1.1\r\n")
                .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n")
                .Append("Connection: close\r\n");
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
            await stream.WriteAsync(body);
            await stream.FlushAsync();
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client gave up on this attempt (timeout test), or the server stops: nothing to answer.
        }
    }

    private static async Task<ReceivedRequest?> ReadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var lines = Encoding.ASCII.GetString([.. buffer.Take(headEnd)]).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1).Where(l => l.Contains(':', StringComparison.Ordinal))
            .Select(l => (Name: l[..l.IndexOf(':', StringComparison.Ordinal)], Value: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
            .GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(h => h.Value)), StringComparer.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        var body = buffer.Skip(headEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(chunk);
            if (read == 0)
            {
                return null;
            }

            body.AddRange(chunk.AsSpan(0, read));
        }

        return new ReceivedRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/", headers, [.. body.Take(length)]);
    }

    private static int IndexOfHeadEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
