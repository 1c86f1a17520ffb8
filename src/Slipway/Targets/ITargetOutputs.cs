namespace Slipway;

/// <summary>
/// What a target makes, declared with <c>.Outputs(o =&gt; o.Directory(PublishDirectory))</c>: an output that is gone
/// or was changed since the target's last successful run makes it run again.
/// </summary>
public interface ITargetOutputs
{
    /// <summary>Files the target writes: each must still exist, unchanged.</summary>
    ITargetOutputs Files(params AbsolutePath[] files);

    /// <summary>A directory the target fills: it must still hold the same files, unchanged.</summary>
    ITargetOutputs Directory(AbsolutePath directory);

    /// <summary>
    /// An output outside the file system (an image in the Docker engine, a digest in a registry): when
    /// <paramref name="check"/> answers false (or throws), the target runs again. <paramref name="description"/>
    /// says what must hold, for the reason in the summary ("the image is in the engine").
    /// </summary>
    ITargetOutputs Exists(string description, Func<CancellationToken, Task<bool>> check);
}
