using Slipway.Docker;

namespace Slipway.Components;

/// <summary>The parameter is a full image reference.</summary>
public sealed class ImageReferenceAttribute : ParameterFormatAttribute
{
    public override string Expected => "an image reference [registry/]repository[:tag][@sha256:digest], e.g. mcr.microsoft.com/dotnet/aspnet:10.0";

    public override string? Problem(string value) => ImageNameRules.ReferenceProblem(value);
}
