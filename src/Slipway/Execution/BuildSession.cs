using Slipway.Output;
using Slipway.Parameters;
using Slipway.Processes;
using Slipway.Targets;
using Slipway.Tools;
using Slipway.UpToDate;

namespace Slipway.Execution;

/// <summary>
/// Everything one run of a build shares: its log, secrets, clock, processes, tools, parameter values, step
/// summary and cancellation. The engine makes it; a build author never wires any of it.
/// </summary>
internal sealed class BuildSession
{
    private readonly Lazy<string> actor;

    public BuildSession(AbsolutePath rootDirectory, ConsoleLog log, SecretRedactor redactor, CiHost host, IReadOnlyDictionary<string, string> environment, TimeProvider time)
    {
        RootDirectory = rootDirectory;
        Log = log;
        Redactor = redactor;
        Host = host;
        Time = time;
        Processes = new ProcessRunner(log, time);
        DotNet = new DotNetTasks(Processes, rootDirectory);
        StepSummary = new StepSummary(host.StepSummaryFile is { } file ? AbsolutePath.Resolve(file, rootDirectory) : rootDirectory / ".nuke" / "temp" / "summary.md", redactor, host.StepSummaryFile is not null);
        actor = new Lazy<string>(() => ActorName.Find(environment, host, Processes, rootDirectory));
    }

    public AbsolutePath RootDirectory { get; }

    public ConsoleLog Log { get; }

    public SecretRedactor Redactor { get; }

    public CiHost Host { get; }

    public TimeProvider Time { get; }

    public ProcessRunner Processes { get; }

    public DotNetTasks DotNet { get; }

    public StepSummary StepSummary { get; }

    /// <summary>Who runs the build; looked up once, on first use (it may ask git).</summary>
    public string Actor => actor.Value;

    public ParameterValues Values { get; set; } = new();

    /// <summary>The names of the planned targets that are not skipped; set once the plan is made.</summary>
    public IReadOnlySet<string> ScheduledTargets { get; set; } = new HashSet<string>();

    /// <summary>The token targets see: the build's abort token, or a fresh one for assured targets after an abort.</summary>
    public CancellationToken TargetToken { get; set; }

    public ExecutableTarget? CurrentTarget { get; set; }

    public AbortReason AbortReason { get; init; } = new();

    /// <summary>What <c>--force</c> asked to run even when up to date.</summary>
    public ForceRequest Force { get; set; } = ForceRequest.None;
}
