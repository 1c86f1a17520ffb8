using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Slipway.Docker;

/// <summary>
/// A client for the registry HTTP API v2 (manifests and blobs), for reading digests after a push, retagging
/// without a pull, promotion and the local cloud. Authenticates with Basic credentials (ECR sends its token
/// this way) and follows <c>WWW-Authenticate: Bearer</c> challenges to a token service. It never logs.
/// </summary>
public sealed class RegistryClient : IDisposable
{
    private readonly HttpClient http;
    private readonly RegistryCredentials? credentials;
    private readonly Dictionary<string, string> bearerTokens = new(StringComparer.Ordinal);
    private readonly Lock tokensGate = new();

    public RegistryClient(Uri baseAddress, RegistryCredentials? credentials = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = baseAddress;
        http.Timeout = TimeSpan.FromMinutes(5);
        this.credentials = credentials;
    }

    public Uri BaseAddress => http.BaseAddress!;

    /// <summary>
    /// The client for a registry host as image references name it: plain HTTP for loopback hosts (as Docker
    /// allows), HTTPS otherwise.
    /// </summary>
    public static RegistryClient ForHost(string registryHost, RegistryCredentials? credentials = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registryHost);
        var host = registryHost.Split(':')[0];
        var loopback = host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
        return new RegistryClient(new Uri($"{(loopback ? "http" : "https")}://{registryHost}/"), credentials);
    }

    /// <summary>HEAD of a manifest by tag or digest; null when the registry does not have it.</summary>
    public async Task<ManifestDescriptor?> HeadManifestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => ManifestRequest(HttpMethod.Head, repository, reference), repository, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, $"HEAD manifest {repository}:{reference}", cancellationToken);
        var digest = DigestHeader(response) ?? throw new RegistryException($"{BaseAddress} answered HEAD manifest {repository}:{reference} without a Docker-Content-Digest header");
        return new ManifestDescriptor(response.Content.Headers.ContentType?.MediaType ?? "", digest, response.Content.Headers.ContentLength ?? 0);
    }

    /// <summary>GET of a manifest by tag or digest, bytes untouched (the digest is of these exact bytes).</summary>
    public async Task<RegistryManifest?> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => ManifestRequest(HttpMethod.Get, repository, reference), repository, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, $"GET manifest {repository}:{reference}", cancellationToken);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? MediaTypeOf(content);
        return new RegistryManifest(mediaType, DigestHeader(response) ?? RegistryManifest.DigestOf(content), content);
    }

    /// <summary>PUT of a manifest under a tag (retag without pull) or its digest; returns the digest the registry reports.</summary>
    public async Task<string> PutManifestAsync(string repository, string reference, RegistryManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        using var response = await SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, ManifestPath(repository, reference)) { Content = new ReadOnlyMemoryContent(manifest.Content) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(manifest.MediaType);
                return request;
            },
            repository,
            cancellationToken,
            pushScope: true);
        await EnsureSuccessAsync(response, $"PUT manifest {repository}:{reference}", cancellationToken);
        return DigestHeader(response) ?? manifest.Digest;
    }

    /// <summary>True when the repository has the blob (layer or config) with this digest.</summary>
    public async Task<bool> BlobExistsAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/blobs/{digest}"), repository, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, $"HEAD blob {repository}@{digest}", cancellationToken);
        return true;
    }

    public void Dispose() => http.Dispose();

    private static HttpRequestMessage ManifestRequest(HttpMethod method, string repository, string reference)
    {
        var request = new HttpRequestMessage(method, ManifestPath(repository, reference));
        foreach (var mediaType in ManifestMediaTypes.All)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        }

        return request;
    }

    private static string ManifestPath(string repository, string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        return $"v2/{repository}/manifests/{reference}";
    }

    private static string? DigestHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;

    private static string MediaTypeOf(byte[] content)
    {
        using var json = JsonDocument.Parse(content);
        return json.RootElement.TryGetProperty("mediaType", out var mediaType) ? mediaType.GetString() ?? ManifestMediaTypes.OciManifest : ManifestMediaTypes.OciManifest;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(cancellationToken);
        throw new RegistryException($"{what} failed: {(int)response.StatusCode} {response.ReasonPhrase} {body}".Trim(), response.StatusCode);
    }

    /// <summary>Sends with the known credentials; on a Bearer challenge fetches a token for the scope and sends again.</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, string repository, CancellationToken cancellationToken, bool pushScope = false)
    {
        var scope = $"repository:{repository}:{(pushScope ? "pull,push" : "pull")}";
        var request = create();
        Authorize(request, scope);
        var response = await SendOnceAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized
            || response.Headers.WwwAuthenticate.FirstOrDefault(h => h.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)) is not { } challenge)
        {
            return response;
        }

        response.Dispose();
        var token = await FetchBearerTokenAsync(challenge, scope, cancellationToken);
        lock (tokensGate)
        {
            bearerTokens[scope] = token;
        }

        var retry = create();
        Authorize(retry, scope);
        return await SendOnceAsync(retry, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
    }

    private void Authorize(HttpRequestMessage request, string scope)
    {
        string? token;
        lock (tokensGate)
        {
            bearerTokens.TryGetValue(scope, out token);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.BasicToken);
        }
    }

    private async Task<string> FetchBearerTokenAsync(AuthenticationHeaderValue challenge, string scope, CancellationToken cancellationToken)
    {
        var parameters = BearerChallenge.Parse(challenge.Parameter ?? "");
        if (!parameters.TryGetValue("realm", out var realm))
        {
            throw new RegistryException($"{BaseAddress} asked for a Bearer token without naming a realm");
        }

        var query = new List<string>();
        if (parameters.TryGetValue("service", out var service))
        {
            query.Add($"service={Uri.EscapeDataString(service)}");
        }

        query.Add($"scope={Uri.EscapeDataString(parameters.GetValueOrDefault("scope", scope))}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{realm}?{string.Join('&', query)}");
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.BasicToken);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, "token request", cancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        foreach (var name in new[] { "token", "access_token" })
        {
            if (json.RootElement.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } token)
            {
                return token;
            }
        }

        throw new RegistryException($"the token service {realm} answered without a token");
    }
}
