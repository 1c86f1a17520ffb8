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

    /// <summary>
    /// Whether a registry answers at all, within <paramref name="timeout"/>: <c>GET /v2/</c> is 200, or 401 when it
    /// wants credentials (the distribution spec's version check). Anything else is the problem, in words, so a push
    /// to a wrong port fails in seconds instead of after the engine's retries; null when it is a registry.
    /// </summary>
    public async Task<string?> ProblemReachingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync("v2/", HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized
                ? null
                : $"{BaseAddress.Authority} is not a container registry: GET {BaseAddress}v2/ answered {(int)response.StatusCode} {response.ReasonPhrase} (a registry answers 200 or 401)";
        }
        catch (HttpRequestException exception)
        {
            return $"{BaseAddress.Authority} does not answer as a registry at {BaseAddress}v2/: {exception.Message}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{BaseAddress.Authority} did not answer GET {BaseAddress}v2/ within {timeout.TotalSeconds:0} s: is it a registry, and is the port right?";
        }
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
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Head, BlobPath(repository, digest)), repository, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, $"HEAD blob {repository}@{digest}", cancellationToken);
        return true;
    }

    /// <summary>GET of a blob (config or layer) by digest, checked against it; null when the repository does not have it.</summary>
    public async Task<byte[]?> GetBlobAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, BlobPath(repository, digest)), repository, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, $"GET blob {repository}@{digest}", cancellationToken);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var actual = RegistryManifest.DigestOf(content);
        return actual == digest ? content : throw new RegistryException($"{BaseAddress} sent blob {repository}@{digest} with the content of {actual}");
    }

    /// <summary>
    /// Uploads a blob in one request (POST to start, PUT with the digest to finish), unless the repository
    /// already has it; returns its digest.
    /// </summary>
    public async Task<string> UploadBlobAsync(string repository, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var digest = RegistryManifest.DigestOf(content.Span);
        if (await BlobExistsAsync(repository, digest, cancellationToken))
        {
            return digest;
        }

        var location = await StartUploadAsync(repository, query: null, scope: null, cancellationToken)
            ?? throw new RegistryException($"{BaseAddress} mounted a blob nobody asked it to mount in {repository}");
        using var response = await SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, WithQuery(location, $"digest={Uri.EscapeDataString(digest)}")) { Content = new ReadOnlyMemoryContent(content) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                return request;
            },
            repository,
            cancellationToken,
            pushScope: true);
        await EnsureSuccessAsync(response, $"PUT blob {repository}@{digest}", cancellationToken);
        return digest;
    }

    /// <summary>
    /// Cross-repository mount: makes <paramref name="repository"/> share the blob <paramref name="digest"/> of
    /// <paramref name="fromRepository"/> without sending its bytes. True when the registry mounted it; false when
    /// it would not (the blob is missing there, or mounting is off), in which case the caller uploads it.
    /// </summary>
    public async Task<bool> MountBlobAsync(string repository, string digest, string fromRepository, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(digest);
        ArgumentException.ThrowIfNullOrWhiteSpace(fromRepository);
        var scope = $"repository:{repository}:pull,push repository:{fromRepository}:pull";
        var location = await StartUploadAsync(repository, $"mount={Uri.EscapeDataString(digest)}&from={Uri.EscapeDataString(fromRepository)}", scope, cancellationToken);
        if (location is null)
        {
            return true;
        }

        // 202: the registry started an ordinary upload instead; nobody will finish it, so cancel it.
        using var cancel = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, location), repository, cancellationToken, pushScope: true);
        return false;
    }

    /// <summary>
    /// Copies an image (a manifest, or an index and its manifests) from one repository of this registry to
    /// another under <paramref name="targetReference"/> by mounting each blob the target lacks: promotion without
    /// pull or rebuild, whose time does not grow with the image's size. A blob the registry will not mount (ECR
    /// with blob mounting off, its default) is read and uploaded through this client instead, and named to
    /// <paramref name="sentThroughClient"/>. Returns the digest, unchanged by the copy.
    /// </summary>
    public async Task<string> CopyImageAsync(string sourceRepository, string sourceReference, string targetRepository, string targetReference, CancellationToken cancellationToken, Action<string>? sentThroughClient = null)
    {
        var manifest = await GetManifestAsync(sourceRepository, sourceReference, cancellationToken)
            ?? throw new RegistryException($"{BaseAddress} has no manifest {sourceRepository}:{sourceReference} to copy");
        await CopyReferencedAsync(sourceRepository, targetRepository, manifest, sentThroughClient, cancellationToken);
        return await PutManifestAsync(targetRepository, targetReference, manifest, cancellationToken);
    }

    public void Dispose() => http.Dispose();

    private async Task CopyReferencedAsync(string sourceRepository, string targetRepository, RegistryManifest manifest, Action<string>? sentThroughClient, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(manifest.Content);
        var root = json.RootElement;
        if (root.TryGetProperty("manifests", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                var digest = child.GetProperty("digest").GetString()!;
                var childManifest = await GetManifestAsync(sourceRepository, digest, cancellationToken)
                    ?? throw new RegistryException($"{BaseAddress} lists {digest} in {sourceRepository} but does not have it");
                await CopyReferencedAsync(sourceRepository, targetRepository, childManifest, sentThroughClient, cancellationToken);
                await PutManifestAsync(targetRepository, digest, childManifest, cancellationToken);
            }

            return;
        }

        var blobs = new List<string>();
        if (root.TryGetProperty("config", out var config))
        {
            blobs.Add(config.GetProperty("digest").GetString()!);
        }

        if (root.TryGetProperty("layers", out var layers))
        {
            blobs.AddRange(layers.EnumerateArray().Select(l => l.GetProperty("digest").GetString()!));
        }

        foreach (var blob in blobs.Distinct(StringComparer.Ordinal))
        {
            if (await BlobExistsAsync(targetRepository, blob, cancellationToken) || await MountBlobAsync(targetRepository, blob, sourceRepository, cancellationToken))
            {
                continue;
            }

            var content = await GetBlobAsync(sourceRepository, blob, cancellationToken)
                ?? throw new RegistryException($"{BaseAddress} would not mount blob {blob} from {sourceRepository} into {targetRepository}, and {sourceRepository} does not have it to copy");
            await UploadBlobAsync(targetRepository, content, cancellationToken);
            sentThroughClient?.Invoke(blob);
        }
    }

    /// <summary>POST to the uploads endpoint: the upload's location on 202, or null on 201 (a mount that succeeded).</summary>
    private async Task<Uri?> StartUploadAsync(string repository, string? query, string? scope, CancellationToken cancellationToken)
    {
        var path = $"v2/{repository}/blobs/uploads/{(query is null ? "" : "?" + query)}";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent([]) }, repository, cancellationToken, pushScope: true, scope);
        await EnsureSuccessAsync(response, $"POST blob upload {repository}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return null;
        }

        var location = response.Headers.Location ?? throw new RegistryException($"{BaseAddress} started an upload in {repository} without a Location header");
        return location.IsAbsoluteUri ? location : new Uri(BaseAddress, location);
    }

    private static Uri WithQuery(Uri location, string query) =>
        new(location + (string.IsNullOrEmpty(location.Query) ? "?" : "&") + query);

    private static string BlobPath(string repository, string digest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(digest);
        return $"v2/{repository}/blobs/{digest}";
    }

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
        var registry = response.RequestMessage?.RequestUri?.Authority ?? "the registry";
        var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? $" ({registry} {(response.StatusCode == HttpStatusCode.Unauthorized ? "wants credentials" : "refused these credentials")})"
            : string.Empty;
        throw new RegistryException($"{registry}: {what} failed: {(int)response.StatusCode} {response.ReasonPhrase}{refused} {body}".Trim(), response.StatusCode);
    }

    /// <summary>Sends with the known credentials; on a Bearer challenge fetches a token for the scope and sends again.</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, string repository, CancellationToken cancellationToken, bool pushScope = false, string? scopeOverride = null)
    {
        var scope = scopeOverride ?? $"repository:{repository}:{(pushScope ? "pull,push" : "pull")}";
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
