using System.Runtime.InteropServices;

namespace Slipway.Execution;

/// <summary>
/// Why the build was aborted, as the summary says it: Ctrl+C (SIGINT) is the user's, SIGTERM is someone
/// else's (a CI runner cancelling the job, a supervisor stopping it), and telling them apart matters when
/// reading a log afterwards.
/// </summary>
internal sealed class AbortReason
{
    public string Note { get; private set; } = "cancelled (Ctrl+C)";

    public void Received(PosixSignal signal) =>
        Note = signal == PosixSignal.SIGTERM ? "terminated (SIGTERM)" : "cancelled (Ctrl+C)";
}
