using Slipway.Aws.Transport;

namespace Slipway.LocalCloud.Ecs;

/// <summary>Deep copies of model objects through the wire contract, so what is stored never aliases what is answered.</summary>
internal static class ModelCopy
{
    public static T Of<T>(T value)
        where T : new()
        => AwsJson.Deserialize<T>(AwsJson.Serialize(value));
}
