using System.Net;
using System.Text.Json;
using Slipway.Docker;

namespace Slipway.LocalCloud.Ecr;

/// <summary>
/// The local registry, seen through its HTTP API v2: manifests through <see cref="RegistryClient"/>, plus the two
/// calls it does not offer (tag lists and manifest deletion). The registry is the only store of images.
/// </summary>
internal sealed class RegistryAccess : IDisposable
{
    private readonly HttpClient http;

    public RegistryAccess(string registryHost, HttpMessageHandler? handler = null)
    {
        Client = handler is null ? RegistryClient.ForHost(registryHost) : new RegistryClient(new Uri($"http://{registryHost}/"), handler: handler);
        http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = Client.BaseAddress;
        http.Timeout = TimeSpan.FromMinutes(1);
    }

    public RegistryClient Client { get; }

    public async Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri($"v2/{repository}/tags/list?n=10000", UriKind.Relative), ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryException($"GET tags of {repository} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}".Trim(), response.StatusCode);
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? [.. tags.EnumerateArray().Select(t => t.GetString()!).Where(t => t is not null).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>Deletes a manifest and every tag that points at it; false when it was not there.</summary>
    public async Task<bool> DeleteManifestAsync(string repository, string digest, CancellationToken ct)
    {
        using var response = await http.DeleteAsync(new Uri($"v2/{repository}/manifests/{digest}", UriKind.Relative), ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if (response.StatusCode == HttpStatusCode.MethodNotAllowed)
        {
            throw new RegistryException($"The registry at {http.BaseAddress} does not allow deletes: start it with storage.delete.enabled: true.", response.StatusCode);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryException($"DELETE manifest {repository}@{digest} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}".Trim(), response.StatusCode);
        }

        return true;
    }

    public void Dispose()
    {
        Client.Dispose();
        http.Dispose();
    }
}
