using Slipway.Docker;

namespace Slipway.Components;

/// <summary>The parameter is a registry host, <c>host[:port]</c>.</summary>
public sealed class RegistryHostAttribute : ParameterFormatAttribute
{
    public override string Expected => "host[:port] without a scheme or path, e.g. 127.0.0.1:5000 or 123456789012.dkr.ecr.eu-west-1.amazonaws.com";

    public override string? Problem(string value) => ImageNameRules.RegistryProblem(value);
}
