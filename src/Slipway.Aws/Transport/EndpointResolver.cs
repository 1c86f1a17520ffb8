namespace Slipway.Aws.Transport;

/// <summary>Chooses the endpoint by the SDK's conventions (service-specific environment variable first).</summary>
internal static class EndpointResolver
{
    public static Uri Resolve(AwsServiceDescription service, string region, string? explicitUrl, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(explicitUrl))
        {
            return Parse(explicitUrl, "the configured endpoint");
        }

        // The SDKs' switch to ignore endpoint variables (e.g. in a shell set up for another tool).
        if (!string.Equals(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var name in new[] { "AWS_ENDPOINT_URL_" + service.ServiceId, "AWS_ENDPOINT_URL" })
            {
                var value = environment(name);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return Parse(value, name);
                }
            }
        }

        var dnsSuffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{service.EndpointPrefix}.{region}.{dnsSuffix}/");
    }

    private static Uri Parse(string value, string source)
    {
        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        throw new AwsConfigurationException($"The endpoint from {source} is not an absolute http(s) URL: '{value}'.");
    }
}
