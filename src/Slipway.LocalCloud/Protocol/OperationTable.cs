using System.Text.Json;
using Slipway.Aws.Transport;

namespace Slipway.LocalCloud.Protocol;

/// <summary>
/// The operations of one AWS JSON 1.1 service, by name: each reads its request and writes its response with
/// <see cref="AwsJson"/>, the contract the Slipway clients use, so both ends share one definition of every shape.
/// </summary>
internal sealed class OperationTable(string targetPrefix)
{
    private readonly Dictionary<string, Func<byte[], CancellationToken, Task<byte[]>>> operations = new(StringComparer.Ordinal);

    public string TargetPrefix { get; } = targetPrefix;

    public OperationTable Add<TRequest, TResponse>(string name, Func<TRequest, CancellationToken, Task<TResponse>> handler)
        where TRequest : new()
    {
        operations.Add(name, async (body, ct) => AwsJson.Serialize(await handler(Read<TRequest>(body), ct)));
        return this;
    }

    public OperationTable Add<TRequest, TResponse>(string name, Func<TRequest, TResponse> handler)
        where TRequest : new()
    {
        operations.Add(name, (body, _) => Task.FromResult(AwsJson.Serialize(handler(Read<TRequest>(body)))));
        return this;
    }

    public bool TryGet(string name, out Func<byte[], CancellationToken, Task<byte[]>> operation)
        => operations.TryGetValue(name, out operation!);

    private static TRequest Read<TRequest>(byte[] body)
        where TRequest : new()
    {
        try
        {
            return AwsJson.Deserialize<TRequest>(body);
        }
        catch (JsonException e)
        {
            throw new ApiError("SerializationException", $"Could not read the request body as {typeof(TRequest).Name}: {e.Message}");
        }
    }
}
