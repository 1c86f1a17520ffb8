namespace Slipway.Aws;

/// <summary>The service model lists this member as required: a request without it is refused by AWS.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class AwsRequiredAttribute : Attribute;
