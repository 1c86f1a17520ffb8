namespace Slipway.Aws.Ecr.Model;

/// <summary>The image scanning configuration for a repository.</summary>
public sealed class ImageScanningConfiguration
{
    public bool? ScanOnPush { get; set; }
}
