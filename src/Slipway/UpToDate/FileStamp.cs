namespace Slipway.UpToDate;

/// <summary>
/// A file as the fingerprint saw it: size and modification time (cheap to read), and its SHA-256 once it was
/// needed (a file whose time changed but whose content may not have). Size -1: the file did not exist.
/// </summary>
internal sealed record FileStamp(long Size, long Ticks, string? Sha256 = null)
{
    public static readonly FileStamp Missing = new(-1, 0);

    public bool IsMissing => Size < 0;

    public bool SameStat(FileStamp other) => Size == other.Size && Ticks == other.Ticks;
}
