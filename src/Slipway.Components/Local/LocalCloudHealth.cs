namespace Slipway.Components.Local;

/// <summary>The local cloud's readiness probe: <c>GET /_slipway/health</c> answers 200.</summary>
internal static class LocalCloudHealth
{
    public static async Task<bool> AnswersAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.GetAsync(new Uri(endpoint, "/_slipway/health"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
