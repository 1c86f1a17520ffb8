namespace Slipway.Docker.Tests;

/// <summary>The locks that let several processes share one dockerd: checked within one process, which flock treats alike.</summary>
public sealed class FileLockTests
{
    [Fact]
    public async Task Users_share_the_in_use_lock_and_the_starter_sees_them_until_they_release_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"slipway-lock-test-{Guid.NewGuid():N}");
        try
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
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Exclusive_lock_waits_for_the_holder_and_gives_up_after_the_timeout()
    {
        var path = Path.Combine(Path.GetTempPath(), $"slipway-lock-test-{Guid.NewGuid():N}");
        try
        {
            using (await FileLock.AcquireAsync(path, TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken.None))
            {
                await Assert.ThrowsAsync<IOException>(() => FileLock.AcquireAsync(path, TimeSpan.FromMilliseconds(300), TimeProvider.System, CancellationToken.None));
            }

            using var after = await FileLock.AcquireAsync(path, TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken.None);
            Assert.NotNull(after);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
