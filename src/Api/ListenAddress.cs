namespace Api;

/// <summary>Decides where the service listens when nobody said.</summary>
internal static class ListenAddress
{
    public const string Default = "http://+:8080";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"]);
}
