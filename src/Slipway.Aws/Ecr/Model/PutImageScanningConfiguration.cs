namespace Slipway.Aws.Ecr.Model;

/// <summary>The input of PutImageScanningConfiguration: The PutImageScanningConfiguration API is being deprecated, in favor of specifying the image scanning configuration at the registry level.</summary>
public sealed class PutImageScanningConfigurationRequest
{
    public string? RegistryId { get; set; }

    public string? RepositoryName { get; set; }

    public ImageScanningConfiguration? ImageScanningConfiguration { get; set; }
}

/// <summary>The output of PutImageScanningConfiguration.</summary>
public sealed class PutImageScanningConfigurationResponse
{
    public string? RegistryId { get; set; }

    public string? RepositoryName { get; set; }

    public ImageScanningConfiguration? ImageScanningConfiguration { get; set; }
}
