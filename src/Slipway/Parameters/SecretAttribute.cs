namespace Slipway;

/// <summary>A parameter whose value is never printed: redacted from every log line and command line.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
