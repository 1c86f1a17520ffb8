namespace Slipway.Docker;

/// <summary>
/// An image record pushed under every one of its tags: the record now carries the registry's digest, and each
/// push says what it uploaded.
/// </summary>
public sealed record PushedImage(ImageRecord Record, IReadOnlyList<PushResult> Pushes)
{
    /// <summary><c>registry/repository@sha256:…</c>, how a task definition pins the image.</summary>
    public string PinnedReference => Pushes[0].PinnedReference;

    public long UploadedBytes => Pushes.Sum(p => p.UploadedBytes);

    /// <summary>One line for a summary: the pinned reference and how much went over the wire.</summary>
    public override string ToString() =>
        $"{PinnedReference} ({(UploadedBytes > 0 ? $"{BuildContext.FormatSize(UploadedBytes)} uploaded" : "already in the registry, nothing uploaded")})";
}
