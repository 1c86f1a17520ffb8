namespace Slipway.Aws.Transport;

/// <summary>
/// What the wire needs to know of a service, from the service model's metadata; public so that the local cloud routes
/// <c>X-Amz-Target</c> with the same values the clients send.
/// </summary>
/// <param name="ServiceId">The model's <c>serviceId</c>: names the endpoint variable and appears in logs.</param>
/// <param name="SigningName">The SigV4 service name.</param>
/// <param name="EndpointPrefix">The host prefix of the public endpoint.</param>
/// <param name="TargetPrefix">The first half of <c>X-Amz-Target</c>.</param>
public sealed record AwsServiceDescription(string ServiceId, string SigningName, string EndpointPrefix, string TargetPrefix)
{
    public static AwsServiceDescription Ecs { get; } = new("ECS", "ecs", "ecs", "AmazonEC2ContainerServiceV20141113");

    public static AwsServiceDescription Ecr { get; } = new("ECR", "ecr", "api.ecr", "AmazonEC2ContainerRegistry_V20150921");
}
