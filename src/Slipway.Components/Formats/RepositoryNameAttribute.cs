using Slipway.Docker;

namespace Slipway.Components;

/// <summary>The parameter is an image repository name, without registry, tag or digest.</summary>
public sealed class RepositoryNameAttribute : ParameterFormatAttribute
{
    public override string Expected => "a lowercase repository name such as slipway/api (letters, digits, '.', '_', '-', parts separated by '/')";

    public override string? Problem(string value) => ImageNameRules.RepositoryProblem(value);
}
