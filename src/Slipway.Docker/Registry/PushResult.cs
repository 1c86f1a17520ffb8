namespace Slipway.Docker;

/// <summary>
/// The outcome of a push: the image as the registry knows it (<see cref="Reference"/> with the digest the
/// registry reports), and what was uploaded; <see cref="Uploaded"/> is false when the registry already had it.
/// </summary>
public sealed record PushResult(ImageReference Reference, string Digest, bool Uploaded, long UploadedBytes, int PushedLayers)
{
    /// <summary><c>registry/repository@sha256:…</c>: how a task definition pins the image.</summary>
    public string PinnedReference => $"{Reference.Name}@{Digest}";
}
