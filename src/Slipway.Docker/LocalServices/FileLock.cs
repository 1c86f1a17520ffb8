namespace Slipway.Docker;

/// <summary>
/// A lock between processes on this machine: .NET on Unix backs <see cref="FileShare.None"/> with
/// flock(LOCK_EX) and any other sharing with flock(LOCK_SH), which the kernel releases when the holder dies,
/// so a crashed run never leaves a lock behind.
/// </summary>
internal sealed class FileLock : IDisposable
{
    private readonly FileStream stream;

    private FileLock(FileStream stream) => this.stream = stream;

    public static async Task<FileLock> AcquireAsync(string path, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (timeProvider.GetElapsedTime(started) < timeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), timeProvider, cancellationToken);
            }
        }
    }

    /// <summary>A shared hold ("I am using it"); many processes may hold one at once.</summary>
    public static async Task<FileLock> AcquireSharedAsync(string path, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite));
            }
            catch (IOException) when (timeProvider.GetElapsedTime(started) < timeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeProvider, cancellationToken);
            }
        }
    }

    /// <summary>The exclusive lock if nobody holds the file at all right now; else null.</summary>
    public static FileLock? TryAcquire(string path)
    {
        try
        {
            return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => stream.Dispose();
}
