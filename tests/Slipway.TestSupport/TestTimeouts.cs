namespace Slipway.TestSupport;

/// <summary>
/// Deadlines for tests that talk to real processes, so a hang fails the test with a cancellation instead of
/// stalling the run: pass <c>timeout.Token</c> where a test would pass <c>CancellationToken.None</c>.
/// </summary>
public static class TestTimeouts
{
    /// <summary>One step against a local engine, registry or process.</summary>
    public static readonly TimeSpan Integration = TimeSpan.FromMinutes(3);

    /// <summary>A fixture that may install packages or build a base image on a fresh machine.</summary>
    public static readonly TimeSpan Fixture = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A hang guard for a <c>./build.sh</c> run, not a speed target (bench/startup.sh measures that): a first run
    /// compiles build/ with every library it composes while other test assemblies share the machine's cores.
    /// </summary>
    public static readonly TimeSpan BuildScript = TimeSpan.FromMinutes(10);

    public static CancellationTokenSource Start(TimeSpan? timeout = null) => new(timeout ?? Integration);
}
