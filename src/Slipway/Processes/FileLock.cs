namespace Slipway.Processes;

/// <summary>
/// A lock between processes on this machine: .NET on Unix backs <see cref="FileShare.None"/> with
/// flock(LOCK_EX) and any other sharing with flock(LOCK_SH), which the kernel releases when the holder dies,
/// so a crashed run never leaves a lock behind.
/// </summary>
public sealed class FileLock : IDisposable
{
    private static readonly TimeSpan ExclusivePoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan SharedPoll = TimeSpan.FromMilliseconds(100);

    private readonly FileStream stream;

    private FileLock(FileStream stream) => this.stream = stream;

    /// <summary>The exclusive lock, waiting for other holders up to <paramref name="timeout"/> (then <see cref="IOException"/>).</summary>
    public static Task<FileLock> AcquireAsync(string path, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        AcquireAsync(path, FileShare.None, ExclusivePoll, timeout, timeProvider, cancellationToken);

    /// <summary>A shared hold ("I am using it"); many processes may hold one at once.</summary>
    public static Task<FileLock> AcquireSharedAsync(string path, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        AcquireAsync(path, FileShare.ReadWrite, SharedPoll, timeout, timeProvider, cancellationToken);

    /// <summary>The exclusive lock if nobody holds the file at all right now; else null.</summary>
    public static FileLock? TryAcquire(string path)
    {
        try
        {
            return Open(path, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => stream.Dispose();

    private static async Task<FileLock> AcquireAsync(string path, FileShare share, TimeSpan poll, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            try
            {
                return Open(path, share);
            }
            catch (IOException) when (timeProvider.GetElapsedTime(started) < timeout)
            {
                await Task.Delay(poll, timeProvider, cancellationToken);
            }
        }
    }

    private static FileLock Open(string path, FileShare share)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, share));
    }
}
