using System.Globalization;

namespace Slipway.Docker;

/// <summary>
/// One unit for sizes everywhere the build prints them (push progress, upload totals, summaries): decimal
/// kB/MB/GB, as the Docker CLI and registries print them, so the log and the summary agree on a number.
/// </summary>
public static class ByteSize
{
    public static string Format(long bytes) => bytes switch
    {
        >= 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.0} GB"),
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.0} kB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
