using System.Diagnostics;

namespace Slipway.Tests;

/// <summary>What an interrupted run left in /tmp goes at the start of the next; what a live run uses stays.</summary>
public sealed class OwnedTemporaryDirectoryTests
{
    private readonly string prefix = $"slipway-owned-test-{Guid.NewGuid():N}-";

    [Fact]
    public async Task Leftovers_of_a_process_that_is_gone_are_deleted_and_those_of_a_live_one_kept()
    {
        using var gone = Process.Start("true")!;
        await gone.WaitForExitAsync();
        var leftover = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"{prefix}{gone.Id}-old")).FullName;
        File.WriteAllText(Path.Combine(leftover, "blob"), "56 MB of layers");
        var stopped = new List<string>();

        var mine = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"{prefix}{Environment.ProcessId}-live")).FullName;

        Processes.OwnedTemporaryDirectory.DeleteLeftovers(prefix, stopped.Add);
        var created = Processes.OwnedTemporaryDirectory.Create(prefix);

        try
        {
            Assert.False(Directory.Exists(leftover));
            Assert.True(Directory.Exists(mine));
            Assert.StartsWith(Path.Combine(Path.GetTempPath(), $"{prefix}{Environment.ProcessId}-"), created, StringComparison.Ordinal);
            Assert.Equal([leftover], stopped);
        }
        finally
        {
            Directory.Delete(mine, recursive: true);
            Directory.Delete(created, recursive: true);
        }
    }
}
