namespace Slipway.Docker;

/// <summary>
/// An exclusive lock between processes on this machine: .NET on Unix backs <see cref="FileShare.None"/>
/// with flock, which the kernel releases when the holder dies, so a crashed run never leaves it stuck.
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

    public void Dispose() => stream.Dispose();
}
