namespace Slipway.Aws.Ecr.Model;

/// <summary>The encryption configuration for the repository.</summary>
public sealed class EncryptionConfiguration
{
    public string? EncryptionType { get; set; }

    public string? KmsKey { get; set; }
}
