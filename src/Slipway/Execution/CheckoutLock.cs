using System.Globalization;
using Slipway.Output;
using Slipway.Processes;

namespace Slipway.Execution;

/// <summary>
/// One build at a time in a checkout: two builds writing the same obj/, bin/ and artifacts/ at once break each
/// other (MSBuild's IOException on a half-written file). The lock is a flock the kernel drops when its holder
/// dies; who holds it (pid, start time, targets) is in a file beside it, for the waiting build to say.
/// </summary>
internal sealed class CheckoutLock : IDisposable
{
    private readonly FileLock held;

    private CheckoutLock(FileLock held) => this.held = held;

    public static async Task<CheckoutLock> AcquireAsync(AbsolutePath rootDirectory, IReadOnlyList<string> targets, ILog log, TimeProvider time, CancellationToken cancellationToken)
    {
        var temp = rootDirectory / ".nuke" / "temp";
        var lockFile = temp / "build.lock";
        var ownerFile = temp / "build.lock.owner";
        var held = FileLock.TryAcquire(lockFile);
        if (held is null)
        {
            var owner = ownerFile.FileExists ? ownerFile.ReadAllText().Trim() : "another build";
            log.Information($"Waiting for the build {owner} to finish: one build at a time in this checkout (Ctrl+C to stop waiting).");
            held = await FileLock.AcquireAsync(lockFile, TimeSpan.MaxValue, time, cancellationToken);
        }

        // Target names only: the command line may carry secrets, and this file outlives the build.
        var command = string.Join(' ', targets);
        ownerFile.WriteAllText($"started at {time.GetLocalNow():yyyy-MM-dd HH:mm:ss zzz} by pid {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)} to run {command}");
        return new CheckoutLock(held);
    }

    public void Dispose() => held.Dispose();
}
