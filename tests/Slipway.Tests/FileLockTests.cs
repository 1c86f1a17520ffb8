using Slipway.Processes;

namespace Slipway.Tests;

/// <summary>The locks that let several processes share one dockerd: checked within one process, which flock treats alike.</summary>
public sealed class FileLockTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"slipway-lock-test-{Guid.NewGuid():N}");

    [Fact]
    public async Task Users_share_the_in_use_lock_and_the_starter_sees_them_until_they_release_it()
    {
        using var first = await FileLock.AcquireSharedAsync(path, TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken.None);
        var second = await FileLock.AcquireSharedAsync(path, TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken.None);

        Assert.Null(FileLock.TryAcquire(path));
        second.Dispose();
        Assert.Null(FileLock.TryAcquire(path));
        first.Dispose();
        using var alone = FileLock.TryAcquire(path);
        Assert.NotNull(alone);
    }

    [Fact]
    public async Task Exclusive_lock_waits_for_the_holder_and_gives_up_after_the_timeout()
    {
        var holder = await FileLock.AcquireAsync(path, TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => FileLock.AcquireAsync(path, TimeSpan.FromMilliseconds(300), TimeProvider.System, CancellationToken.None));
        // While the lock is held, nobody else gets it even without waiting: the lock really excludes.
        Assert.Null(FileLock.TryAcquire(path));
        var waiting = FileLock.AcquireAsync(path, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        holder.Dispose();
        using var after = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        // The lock won by waiting is exclusive too: no other user, not even a shared one, gets in.
        Assert.Null(FileLock.TryAcquire(path));
        await Assert.ThrowsAsync<IOException>(() => FileLock.AcquireSharedAsync(path, TimeSpan.FromMilliseconds(300), TimeProvider.System, CancellationToken.None));
    }

    [Fact]
    public async Task The_lock_file_s_directory_is_created_when_missing()
    {
        var nested = Path.Combine(path + "-dir", "a", "lock");

        using (await FileLock.AcquireAsync(nested, TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken.None))
        {
            Assert.True(File.Exists(nested));
        }

        Directory.Delete(path + "-dir", recursive: true);
    }

    public void Dispose() => File.Delete(path);
}
