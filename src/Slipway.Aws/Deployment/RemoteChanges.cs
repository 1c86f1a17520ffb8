using Slipway.Output;

namespace Slipway.Aws.Deployment;

/// <summary>
/// Every writing call a deploy makes goes through here: it is logged and listed (the plan of a dry run, the summary of
/// a real one), and in a dry run it is only listed, never made. A no-change redeploy shows an empty list.
/// </summary>
/// <param name="precondition">
/// What every writing call waits for first (the account check): reads may go ahead of it, a write never does, and
/// when it fails no write is made and its error is the one thrown.
/// </param>
public sealed class RemoteChanges(bool dryRun, ILog log, Task? precondition = null)
{
    private readonly List<string> calls = [];

    public bool DryRun { get; } = dryRun;

    /// <summary>The writing calls made (or, in a dry run, that would be made), in order, e.g. <c>ECS UpdateService api</c>.</summary>
    public IReadOnlyList<string> Calls => calls;

    /// <summary>Makes the call (or, in a dry run, only lists it and returns <c>default</c>).</summary>
    public async Task<T?> MakeAsync<T>(string call, string why, Func<Task<T>> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        if (precondition is not null)
        {
            await precondition;
        }

        calls.Add(call);
        if (DryRun)
        {
            log.Information($"would call {call}: {why}");
            return default;
        }

        log.Information($"{call}: {why}");
        return await make();
    }
}
