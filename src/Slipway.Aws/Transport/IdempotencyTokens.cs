using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Aws.Transport;

/// <summary>
/// Fills an operation's idempotency token when the caller left it empty, without touching the caller's request: the
/// token goes into the serialized body, which every attempt of the call then sends unchanged. A retried RunTask is
/// thereby the same RunTask, and ECS starts its tasks once.
/// </summary>
internal static class IdempotencyTokens
{
    public static byte[] Serialize<TRequest>(TRequest request, string? tokenMember)
    {
        if (tokenMember is null)
        {
            return AwsJson.Serialize(request);
        }

        var body = JsonSerializer.SerializeToNode(request, AwsJson.Options) as JsonObject
            ?? throw new ArgumentException($"{typeof(TRequest).Name} does not serialize to a JSON object.", nameof(request));
        if (body[tokenMember] is null)
        {
            // 36 characters: the shortest limit among the models' tokens (CreateService allows 36, RunTask 64).
            body[tokenMember] = Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);
        }

        return JsonSerializer.SerializeToUtf8Bytes(body, AwsJson.Options);
    }
}
