using System.Text.Json.Serialization;

namespace Api;

internal static class ServiceEndpoints
{
    public static void MapServiceEndpoints(this IEndpointRouteBuilder app, BuildInfo info)
    {
        app.MapGet("/health", () => Results.Json(new HealthResponse("Healthy"), ApiJsonContext.Default.HealthResponse));
        app.MapGet("/version", () => Results.Json(new VersionResponse(info.Version, info.Commit), ApiJsonContext.Default.VersionResponse));
    }
}

internal sealed record HealthResponse(string Status);

internal sealed record VersionResponse(string Version, string Commit);

// Source-generated JSON keeps the slim host trimming-friendly and fast to start.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(VersionResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
