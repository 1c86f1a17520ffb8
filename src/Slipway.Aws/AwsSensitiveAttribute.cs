namespace Slipway.Aws;

/// <summary>
/// The service model marks this member (or every value of this shape) <c>sensitive</c>: credentials, environment
/// variables. Output masks it (<see cref="Transport.AwsJson.SerializeForDisplay{T}(T)"/>); logs never print it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, Inherited = false)]
public sealed class AwsSensitiveAttribute : Attribute;
