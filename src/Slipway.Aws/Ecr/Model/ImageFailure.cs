namespace Slipway.Aws.Ecr.Model;

/// <summary>An object representing an Amazon ECR image failure.</summary>
public sealed class ImageFailure
{
    public ImageIdentifier? ImageId { get; set; }

    public string? FailureCode { get; set; }

    public string? FailureReason { get; set; }
}
