using Slipway.Output;
using Slipway.Parameters;
using Slipway.Processes;
using Slipway.Targets;

namespace Slipway.Execution;

/// <summary>Everything one run of a build shares: its log, secrets, processes, parameter values, cancellation.</summary>
internal sealed class BuildSession
{
    public BuildSession(AbsolutePath rootDirectory, ConsoleLog log, SecretRedactor redactor, CiHost host)
    {
        RootDirectory = rootDirectory;
        Log = log;
        Redactor = redactor;
        Host = host;
        Processes = new ProcessRunner(log);
    }

    public AbsolutePath RootDirectory { get; }

    public ConsoleLog Log { get; }

    public SecretRedactor Redactor { get; }

    public CiHost Host { get; }

    public ProcessRunner Processes { get; }

    public ParameterValues Values { get; set; } = new();

    /// <summary>The token targets see: the build's abort token, or a fresh one for assured targets after an abort.</summary>
    public CancellationToken TargetToken { get; set; }

    public ExecutableTarget? CurrentTarget { get; set; }
}
