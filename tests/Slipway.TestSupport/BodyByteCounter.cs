namespace Slipway.TestSupport;

/// <summary>
/// Counts the body bytes an HttpClient sends and receives through it: what a registry copy moved through this
/// machine (a copy that mounts moves manifests, never layers). Shared with bench/PromoteBench.
/// </summary>
public sealed class BodyByteCounter : DelegatingHandler
{
    private long bytes;

    public long Bytes => Interlocked.Read(ref bytes);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Add(ref bytes, request.Content?.Headers.ContentLength ?? 0);
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method != HttpMethod.Head)
        {
            // A HEAD's Content-Length names the size of what it did not send.
            Interlocked.Add(ref bytes, response.Content.Headers.ContentLength ?? 0);
        }

        return response;
    }
}
