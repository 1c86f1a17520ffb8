using Slipway.CommandLine;
using Slipway.Generation;
using Slipway.Output;
using Slipway.Parameters;
using Slipway.Planning;
using Slipway.Schema;
using Slipway.Targets;
using Slipway.Text;
using Slipway.UpToDate;

namespace Slipway.Execution;

/// <summary>
/// One run of a build: read the command line, bind parameters, plan, then help, plan output or execution, and
/// the summary. Usage errors stop before anything runs with exit code 2.
/// </summary>
internal sealed class BuildRunner
{
    private readonly TextWriter output;
    private readonly TextWriter error;
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly TimeProvider time;

    public BuildRunner(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string> environment, TimeProvider time)
    {
        this.output = output;
        this.error = error;
        this.environment = environment;
        this.time = time;
    }

    /// <summary>Where the repository root is looked for (upwards, for a <c>.nuke</c> directory).</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Which signal aborted the build, for the summary (set by the signal handlers).</summary>
    public AbortReason AbortReason { get; init; } = new();

    public Task<int> RunAsync(NukeBuild build, IReadOnlyList<string> args, IReadOnlyList<string> defaultTargets, CancellationToken abort) =>
        RunAsync(() => build, args, defaultTargets, abort);

    /// <summary>Creates the build class inside the run, so an error while it is constructed is reported like any other.</summary>
    public async Task<int> RunAsync(Func<NukeBuild> createBuild, IReadOnlyList<string> args, IReadOnlyList<string> defaultTargets, CancellationToken abort)
    {
        var redactor = new SecretRedactor();
        string? root = null;
        try
        {
            var arguments = CommandLineArguments.Parse(args);
            var host = CiHost.From(environment);
            var log = new ConsoleLog(output, redactor, host, time, ReadVerbosity(arguments));
            var session = new BuildSession(FindRoot(), log, redactor, host, environment, time) { TargetToken = abort, AbortReason = AbortReason };
            root = session.RootDirectory;
            var build = createBuild();
            build.Session = session;
            return await RunAsync(build, arguments, defaultTargets, session, abort);
        }
        catch (UsageException exception)
        {
            await error.WriteLineAsync(redactor.Redact($"error: {exception.Message}"));
            return ExitCodes.UsageError;
        }
#pragma warning disable CA1031 // The build class itself is broken (a target or parameter that throws): say so, exit 1.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync(redactor.Redact($"error: {StartupFailure.Describe(exception, root)}"));
            return ExitCodes.TargetFailed;
        }
    }

    private async Task<int> RunAsync(NukeBuild build, CommandLineArguments arguments, IReadOnlyList<string> defaultTargets, BuildSession session, CancellationToken abort)
    {
        var targets = TargetDiscovery.Discover(build);
        var parameters = ParameterMember.Discover(build.GetType());
        ThrowIfParameterShadowsBuiltIn(parameters);
        var workflows = Workflows.WorkflowCommands.IsNeeded(arguments)
            ? Workflows.GeneratedWorkflows.GenerateIfDeclared(build, targets, parameters, session.RootDirectory)
            : null;
        var generated = GeneratedFiles.Discover(build, [BuildSchema.File(parameters, build), .. workflows?.AsGeneratedFiles() ?? []]);
        if (BuiltInOptions.Find(arguments, BuiltInOptions.CheckGenerated) is not null)
        {
            return GeneratedFiles.Check(generated, session.RootDirectory, session.Log);
        }

        // Stale workflows fail a CI run before anything is rewritten; --generate-workflows writes, then stops.
        var workflowExitCode = Workflows.WorkflowCommands.Run(workflows, arguments, session);
        if (workflowExitCode is null or ExitCodes.Success)
        {
            GeneratedFiles.WriteChanged(generated, session.RootDirectory);
        }

        if (workflowExitCode is { } exitCode)
        {
            return exitCode;
        }

        if (BuiltInOptions.Find(arguments, BuiltInOptions.Help) is not null)
        {
            session.Log.WriteRaw(HelpText.Render(targets, defaultTargets, parameters, build));
            return ExitCodes.Success;
        }

        var binder = new ParameterBinder(parameters, session.RootDirectory);
        var profiles = ProfileNames.Check(BuiltInOptions.Find(arguments, BuiltInOptions.Profile)?.Values, binder.AvailableProfiles());
        session.Values = binder.Bind(build, arguments.Options, environment, profiles, BuiltInOptions.Keys);
        foreach (var secret in parameters.Where(p => p.IsSecret))
        {
            if (session.Values.TryGet(secret.Name, out var value))
            {
                session.Redactor.Add(value?.ToString());
            }
        }

        var invoked = ResolveTargets(targets, arguments, defaultTargets);
        var skip = SkipRequest.From(BuiltInOptions.Find(arguments, BuiltInOptions.Skip)?.Values);
        ThrowIfUnknown(targets, skip.Names, "--skip");
        var force = ForceRequest.From(BuiltInOptions.Find(arguments, BuiltInOptions.Force)?.Values);
        ThrowIfUnknown(targets, force.Names, "--force");
        var plan = ExecutionPlanner.Plan(targets, invoked, skip);
        session.Force = force;
        session.ScheduledTargets = plan.Targets.Where(t => t.Status != TargetStatus.Skipped).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var upToDate = new UpToDateChecker(session.RootDirectory, build, force, session.Time);

        if (BuiltInOptions.Find(arguments, BuiltInOptions.Plan) is not null)
        {
            await PredictAsync(plan.Targets, upToDate, abort);
            var mermaid = PlanGraph.ToMermaid(plan.Targets);
            var page = session.RootDirectory / ".nuke" / "temp" / "plan.html";
            page.WriteAllText(PlanGraph.ToHtml(mermaid, plan.Targets));
            session.Log.WriteRaw(mermaid);
            session.Log.WriteRaw($"Plan written to {page.RelativeTo(session.RootDirectory)}");
            return ExitCodes.Success;
        }

        ThrowIfRequirementsUnmet(plan, parameters);
        using var checkout = await AcquireCheckoutAsync(session, invoked, abort);
        return checkout is null ? ExitCodes.Cancelled : await ExecuteAsync(plan, session, upToDate, abort);
    }

    /// <summary>The checkout's lock, or null when Ctrl+C (or SIGTERM) ended the wait for it.</summary>
    private static async Task<CheckoutLock?> AcquireCheckoutAsync(BuildSession session, IReadOnlyList<ExecutableTarget> invoked, CancellationToken abort)
    {
        try
        {
            return await CheckoutLock.AcquireAsync(session.RootDirectory, [.. invoked.Select(t => t.Name)], session.Log, session.Time, abort);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            session.Log.Warning("Stopped waiting for the other build in this checkout; nothing ran.");
            return null;
        }
    }

    /// <summary>
    /// <c>--plan</c>: which targets would be up to date, and why the others would run. A target after one that
    /// would run is assumed to run too (what that one makes is not known before it runs).
    /// </summary>
    private static async Task PredictAsync(IReadOnlyList<ExecutableTarget> plan, UpToDateChecker upToDate, CancellationToken cancellationToken)
    {
        foreach (var target in plan.Where(t => t.Status != TargetStatus.Skipped && t.Definition.HasUpToDateCheck))
        {
            var decision = await upToDate.DecideAsync(target, TargetExecutor.RanDependency(target), cancellationToken);
            target.Status = decision.IsUpToDate ? TargetStatus.UpToDate : TargetStatus.NotRun;
            target.Note = decision.IsUpToDate ? decision.Reason : $"runs: {decision.Reason}";
        }
    }

    private static async Task<int> ExecuteAsync(ExecutionPlan plan, BuildSession session, UpToDateChecker upToDate, CancellationToken abort)
    {
        session.StepSummary.StartRun();
        var started = session.Time.GetTimestamp();
        var executor = new TargetExecutor(session, upToDate, abort);
        await executor.RunAsync(plan.Targets);
        var exitCode = ExitCodeOf(plan.Targets, executor.WasAborted);
        var elapsed = session.Time.GetElapsedTime(started);
        session.Log.WriteRaw(BuildSummary.ToText(plan.Targets, elapsed, exitCode));
        session.StepSummary.WriteMarkdown(BuildSummary.ToMarkdown(plan.Targets, elapsed, exitCode));
        return exitCode;
    }

    /// <summary>Cancelled wins; else the first failure's own code (<see cref="TargetFailureException"/>), else 1.</summary>
    private static int ExitCodeOf(IReadOnlyList<ExecutableTarget> targets, bool aborted)
    {
        if (aborted)
        {
            return ExitCodes.Cancelled;
        }

        var failed = targets.FirstOrDefault(t => t.Status == TargetStatus.Failed);
        return failed is null ? ExitCodes.Success : failed.FailureExitCode ?? ExitCodes.TargetFailed;
    }

    private static List<ExecutableTarget> ResolveTargets(IReadOnlyList<ExecutableTarget> targets, CommandLineArguments arguments, IReadOnlyList<string> defaultTargets)
    {
        var names = arguments.Targets.Concat(BuiltInOptions.Find(arguments, BuiltInOptions.Target)?.Values ?? []).ToList();
        if (names.Count == 0)
        {
            names = [.. defaultTargets];
        }

        if (names.Count == 0)
        {
            throw new UsageException($"No target given and no default target. Name one of: {string.Join(", ", targets.Where(t => t.IsListed).Select(t => t.Name))}.");
        }

        ThrowIfUnknown(targets, names, "Target");
        return [.. names.Select(n => targets.First(t => string.Equals(t.Name, n, StringComparison.OrdinalIgnoreCase))).Distinct()];
    }

    private static void ThrowIfUnknown(IReadOnlyList<ExecutableTarget> targets, IEnumerable<string> names, string what)
    {
        foreach (var name in names)
        {
            if (!targets.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                var listed = targets.Where(t => t.IsListed).Select(t => t.Name).ToList();
                var close = ClosestMatch.Find(name, listed);
                throw new UsageException(
                    $"{what} '{name}' does not exist.{(close is null ? string.Empty : $" Did you mean '{close}'?")} Available targets: {string.Join(", ", listed)}.");
            }
        }
    }

    private static void ThrowIfRequirementsUnmet(ExecutionPlan plan, IReadOnlyList<ParameterMember> parameters)
    {
        var problems = new List<string>();
        foreach (var target in plan.Targets.Where(t => t.Status != TargetStatus.Skipped))
        {
            foreach (var requirement in target.Definition.Requirements.Where(r => !r.IsMet()))
            {
                if (requirement.ConditionText is { } condition)
                {
                    problems.Add($"Target '{target.Name}' requires {condition}, which is false.");
                    continue;
                }

                var parameter = parameters.FirstOrDefault(p => p.Member.Name == requirement.ParameterName);
                problems.Add(parameter is null
                    ? $"Target '{target.Name}' requires {requirement.ParameterName} to have a value."
                    : $"Target '{target.Name}' requires --{parameter.CommandLineName}. Pass --{parameter.CommandLineName} <value>, set {parameter.EnvironmentVariable}, or add \"{parameter.Name}\" to .nuke/parameters.json.");
            }
        }

        if (problems.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine, problems.Distinct()));
        }
    }

    private static void ThrowIfParameterShadowsBuiltIn(IReadOnlyList<ParameterMember> parameters)
    {
        if (parameters.FirstOrDefault(p => BuiltInOptions.Keys.Contains(p.Key)) is { } clash)
        {
            throw new UsageException($"Parameter {clash.Name} has the name of a built-in option (--{clash.CommandLineName}); rename it.");
        }
    }

    private static Verbosity ReadVerbosity(CommandLineArguments arguments)
    {
        var option = BuiltInOptions.Find(arguments, BuiltInOptions.Verbosity);
        if (option is null)
        {
            return Verbosity.Normal;
        }

        return (Verbosity)ValueConverter.Convert(new RawValue(option.Values, option.Spelling), typeof(Verbosity), AbsolutePath.Create("/"), allowed: null)!;
    }

    private AbsolutePath FindRoot()
    {
        for (var directory = new DirectoryInfo(WorkingDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
            {
                return AbsolutePath.Create(directory.FullName);
            }
        }

        throw new UsageException($"No .nuke directory in {WorkingDirectory} or above it. Run the build from inside the repository, or create .nuke/ at its root.");
    }
}
