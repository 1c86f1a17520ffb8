using System.Diagnostics;
using System.Globalization;

namespace Slipway.Processes;

/// <summary>
/// A temporary directory named after the test process that made it (<c>/tmp/&lt;prefix&gt;&lt;pid&gt;-&lt;id&gt;</c>),
/// so a later run can tell leftovers (their process is gone: a Ctrl+C, a killed run) from a directory another
/// run still uses, and delete only those. Test fixtures and throw-away services (a test registry) use it, so an
/// interrupted run's files go at the start of the next one.
/// </summary>
public static class OwnedTemporaryDirectory
{
    public static string Create(string prefix)
    {
        DeleteLeftovers(prefix);
        // A short id: Unix socket paths under these directories (a test's build socket) must stay within 107 bytes.
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Deletes the directories with <paramref name="prefix"/> whose process no longer runs, after
    /// <paramref name="beforeDelete"/> (to stop what an interrupted run left running from that directory).
    /// </summary>
    public static void DeleteLeftovers(string prefix, Action<string>? beforeDelete = null)
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "*"))
        {
            var name = Path.GetFileName(directory)[prefix.Length..];
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsRunning(pid))
            {
                continue; // not ours to judge, or its run is still going
            }

            try
            {
                beforeDelete?.Invoke(directory);
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Another run cleaning at the same moment; whatever is left goes next time.
            }
            catch (UnauthorizedAccessException)
            {
                // Files a container wrote as root: not ours to force.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
