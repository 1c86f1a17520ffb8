namespace Slipway.Docker;

/// <summary>
/// A registry would not mount a blob from one of its repositories into another (it started an ordinary upload
/// instead): the blob is missing in the source, or the registry does not allow cross-repository mounts. A copy
/// within one registry stops here rather than send the blob's bytes through this machine.
/// </summary>
public sealed class BlobMountRefusedException : Exception
{
    public BlobMountRefusedException()
    {
    }

    public BlobMountRefusedException(string message)
        : base(message)
    {
    }

    public BlobMountRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BlobMountRefusedException(string registry, string fromRepository, string repository, string digest)
        : base($"{registry} would not mount blob {digest} from {fromRepository} into {repository}: the blob is missing in {fromRepository}, or the registry does not allow cross-repository mounts. A copy within one registry mounts blobs and never sends their bytes through this machine.")
    {
        Registry = registry;
        FromRepository = fromRepository;
        Repository = repository;
        Digest = digest;
    }

    public string? Registry { get; }

    public string? FromRepository { get; }

    public string? Repository { get; }

    public string? Digest { get; }
}
