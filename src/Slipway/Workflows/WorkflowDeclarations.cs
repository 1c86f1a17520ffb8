using System.Reflection;
using System.Text.RegularExpressions;
using Slipway.Parameters;
using Slipway.Text;
using Slipway.Workflows.Model;

namespace Slipway.Workflows;

/// <summary>
/// Reads the <c>[GitHubActions…]</c> attributes of a build class into workflows, checking every name against the
/// build: an invalid declaration is an error naming its attribute; a target or parameter the build does not
/// have (yet) is a warning, because the workflow may be declared before the target lands.
/// </summary>
internal static partial class WorkflowDeclarations
{
    public static bool HasAny(Type buildType) => buildType.IsDefined(typeof(GitHubActionsAttribute), inherit: true);

    public static DeclaredWorkflows Read(Type buildType, IReadOnlyList<string> targetNames, IReadOnlyList<ParameterMember> parameters, AbsolutePath root)
    {
        var problems = new DeclarationProblems();
        var context = new Context(targetNames, parameters, root, problems);
        var workflowAttributes = buildType.GetCustomAttributes<GitHubActionsAttribute>(inherit: true).ToList();
        var jobAttributes = buildType.GetCustomAttributes<GitHubActionsJobAttribute>(inherit: true).ToList();
        var inputAttributes = buildType.GetCustomAttributes<GitHubActionsInputAttribute>(inherit: true).ToList();
        var usesAttributes = buildType.GetCustomAttributes<GitHubActionsUsesAttribute>(inherit: true).ToList();

        var workflowNames = workflowAttributes.Select(w => w.Name).ToList();
        foreach (var orphan in jobAttributes.Select(j => (j.Workflow, Where: $"[GitHubActionsJob(\"{j.Workflow}\", \"{j.Id}\")]"))
                     .Concat(inputAttributes.Select(i => (i.Workflow, Where: $"[GitHubActionsInput(\"{i.Workflow}\", \"{i.Name}\")]")))
                     .Concat(usesAttributes.Select(u => (u.Workflow, Where: $"[GitHubActionsUses(\"{u.Workflow}\", \"{u.Job}\", …)]")))
                     .Where(x => !workflowNames.Contains(x.Workflow)))
        {
            problems.Error(orphan.Where, $"no [GitHubActions(\"{orphan.Workflow}\")] declares that workflow.{Suggest(orphan.Workflow, workflowNames)}");
        }

        var workflows = new List<Workflow>();
        foreach (var declaration in workflowAttributes)
        {
            var where = $"[GitHubActions(\"{declaration.Name}\")]";
            if (workflows.Any(w => string.Equals(w.Name, declaration.Name, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Error(where, "a workflow of that name is declared twice.");
                continue;
            }

            if (!FileNamePattern().IsMatch(declaration.Name))
            {
                problems.Error(where, "the name becomes the file name: use letters, digits, '-', '_' or '.'.");
            }

            var inputs = inputAttributes.Where(i => i.Workflow == declaration.Name).Select(i => ReadInput(i, context)).ToList();
            var triggers = ReadTriggers(declaration, inputs, where, problems);
            var jobs = new List<WorkflowJob>();
            if (declaration.InvokedTargets.Length > 0)
            {
                var id = declaration.JobId ?? string.Join('-', declaration.InvokedTargets.Select(ParameterNames.ToKebabCase));
                jobs.Add(ReadJob(declaration, declaration.Name, id, where, usesAttributes, inputs, context));
            }

            foreach (var job in jobAttributes.Where(j => j.Workflow == declaration.Name))
            {
                jobs.Add(ReadJob(job, declaration.Name, job.Id, $"[GitHubActionsJob(\"{job.Workflow}\", \"{job.Id}\")]", usesAttributes, inputs, context));
            }

            if (jobs.Count == 0)
            {
                problems.Error(where, "the workflow has no job: set InvokedTargets, or add a [GitHubActionsJob(\"" + declaration.Name + "\", …)].");
            }

            JobGraph.Check(declaration.Name, jobs, problems);
            foreach (var uses in usesAttributes.Where(u => u.Workflow == declaration.Name && jobs.All(j => j.Id != u.Job)))
            {
                problems.Error($"[GitHubActionsUses(\"{uses.Workflow}\", \"{uses.Job}\", …)]", $"workflow '{declaration.Name}' has no job '{uses.Job}'.{Suggest(uses.Job, jobs.Select(j => j.Id))}");
            }

            var concurrency = declaration.ConcurrencyGroup is { } group ? new Concurrency(group, declaration.ConcurrencyCancelInProgress) : null;
            workflows.Add(new Workflow(declaration.Name, triggers, PermissionParser.Parse(declaration.Permissions, where, problems), concurrency, jobs));
        }

        problems.ThrowIfAny();
        return new DeclaredWorkflows(workflows, problems.Warnings);
    }

    private static WorkflowTriggers ReadTriggers(GitHubActionsAttribute declaration, List<WorkflowInput> inputs, string where, DeclarationProblems problems)
    {
        var push = declaration.OnPush || declaration.OnPushBranches.Length + declaration.OnPushTags.Length + declaration.OnPushPaths.Length > 0
            ? new RefFilter(declaration.OnPushBranches, declaration.OnPushTags, declaration.OnPushPaths)
            : null;
        var pullRequest = declaration.OnPullRequest || declaration.OnPullRequestBranches.Length + declaration.OnPullRequestPaths.Length > 0
            ? new RefFilter(declaration.OnPullRequestBranches, [], declaration.OnPullRequestPaths)
            : null;
        if (inputs.Count > 0 && !declaration.OnWorkflowDispatch)
        {
            problems.Error(where, "it has inputs but cannot be dispatched: set OnWorkflowDispatch = true.");
        }

        foreach (var cron in declaration.OnCronSchedule.Where(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5))
        {
            problems.Error(where, $"schedule '{cron}' is not a cron expression of five fields (minute hour day month weekday), e.g. '0 6 * * 1'.");
        }

        var triggers = new WorkflowTriggers(push, pullRequest, declaration.OnWorkflowDispatch ? inputs : null, declaration.OnCronSchedule);
        if (triggers.IsEmpty)
        {
            problems.Error(where, "the workflow has no trigger: set OnPush, OnPushBranches, OnPullRequest, OnWorkflowDispatch or OnCronSchedule.");
        }

        return triggers;
    }

    private static WorkflowInput ReadInput(GitHubActionsInputAttribute input, Context context)
    {
        var where = $"[GitHubActionsInput(\"{input.Workflow}\", \"{input.Name}\")]";
        if (!IdentifierPattern().IsMatch(input.Name))
        {
            context.Problems.Error(where, "an input name starts with a letter or '_' and holds letters, digits, '-' or '_'.");
        }

        if (string.IsNullOrWhiteSpace(input.Description))
        {
            context.Problems.Error(where, "set Description: the Run workflow form shows it next to the input.");
        }

        var options = new List<string>(input.Options);
        if (input.OptionsFromFiles is { } pattern)
        {
            var fromFiles = OptionFiles.Find(context.Root, pattern);
            if (fromFiles.Count == 0)
            {
                context.Problems.Warning(where, $"no file matches '{pattern}', so the only choice is the default '{input.Default}'.");
            }

            options.AddRange(fromFiles.Where(o => !options.Contains(o)));
            if (options.Count == 0 && input.Default is { } fallback)
            {
                options.Add(fallback);
            }
        }

        options.RemoveAll(input.ExcludedOptions.Contains);
        if (input.OptionsFromFiles is not null && options.Count == 0)
        {
            context.Problems.Error(where, $"the choice has no option: no file matches '{input.OptionsFromFiles}' (after excluding {string.Join(", ", input.ExcludedOptions)}) and there is no Default.");
        }

        if (options.Count > 0 && input.Default is { } chosen && !options.Contains(chosen))
        {
            context.Problems.Error(where, $"the default '{chosen}' is not one of the choices: {string.Join(", ", options)}.");
        }

        return new WorkflowInput(input.Name, input.Description, input.Required, input.Default, options);
    }

    private static WorkflowJob ReadJob(
        GitHubActionsJobSettingsAttribute job, string workflow, string id, string where,
        List<GitHubActionsUsesAttribute> usesAttributes, List<WorkflowInput> inputs, Context context)
    {
        var problems = context.Problems;
        if (!IdentifierPattern().IsMatch(id))
        {
            problems.Error(where, $"job id '{id}' must start with a letter or '_' and hold letters, digits, '-' or '_'.");
        }

        if (job.InvokedTargets.Length == 0)
        {
            problems.Error(where, "the job runs no target: set InvokedTargets.");
        }

        foreach (var target in job.InvokedTargets.Concat(job.SkippedTargets))
        {
            context.CheckTarget(target, where);
        }

        if (job.TimeoutMinutes < 0)
        {
            problems.Error(where, $"TimeoutMinutes is {job.TimeoutMinutes}; use a positive number of minutes, or 0 for GitHub's default.");
        }

        var variables = new List<KeyValuePair<string, string>>();
        foreach (var pair in job.Parameters)
        {
            if (Split(pair, where, "Parameters", "Name=value", problems) is not var (name, value))
            {
                continue;
            }

            context.CheckInputReferences(value, inputs, where);
            variables.Add(new(context.VariableOf(name, where, secret: false), value));
        }

        foreach (var import in job.ImportSecrets)
        {
            var (name, secret) = import.Contains('=', StringComparison.Ordinal)
                ? Split(import, where, "ImportSecrets", "Parameter=SECRET_NAME", problems) ?? (import, import)
                : (import, ParameterNames.ToEnvironmentVariable(import)[ParameterNames.EnvironmentPrefix.Length..]);
            variables.Add(new(context.VariableOf(name, where, secret: true), $"${{{{ secrets.{secret} }}}}"));
        }

        foreach (var duplicate in variables.GroupBy(v => v.Key).Where(g => g.Count() > 1))
        {
            problems.Error(where, $"{duplicate.Key} is passed twice (in Parameters or ImportSecrets).");
        }

        foreach (var expression in new[] { job.JobConcurrencyGroup, job.Environment }.OfType<string>())
        {
            context.CheckInputReferences(expression, inputs, where);
        }

        var actions = usesAttributes.Where(u => u.Workflow == workflow && u.Job == id)
            .Select(u => ReadAction(u, inputs, context))
            .ToList();
        var concurrency = job.JobConcurrencyGroup is { } group ? new Concurrency(group, job.JobConcurrencyCancelInProgress) : null;
        return new WorkflowJob(
            id,
            job.JobName ?? string.Join(", ", job.InvokedTargets) + (job.Environment is { } e ? $" ({e})" : string.Empty),
            job.RunsOn,
            job.Needs,
            job.Environment,
            PermissionParser.Parse(job.JobPermissions, where, problems),
            concurrency,
            job.TimeoutMinutes,
            job.InvokedTargets,
            job.SkippedTargets,
            variables,
            actions,
            ReadArtifacts(job.DownloadArtifacts, where, "DownloadArtifacts", problems),
            ReadArtifacts(job.UploadArtifacts, where, "UploadArtifacts", problems));
    }

    private static ActionStep ReadAction(GitHubActionsUsesAttribute uses, List<WorkflowInput> inputs, Context context)
    {
        var where = $"[GitHubActionsUses(\"{uses.Workflow}\", \"{uses.Job}\", \"{uses.Action}\")]";
        if (!ActionPattern().IsMatch(uses.Action))
        {
            context.Problems.Error(where, "the action must be 'owner/repository@ref' (optionally owner/repository/path@ref).");
        }

        var with = new List<KeyValuePair<string, string>>();
        foreach (var pair in uses.With)
        {
            if (Split(pair, where, "With", "key=value", context.Problems) is not var (key, value))
            {
                continue;
            }

            context.CheckInputReferences(value, inputs, where);
            if (JsonFieldReference.IsReference(value))
            {
                value = JsonFieldReference.Resolve(value, context.Root, out var warning);
                if (warning is not null)
                {
                    context.Problems.Warning(where, warning);
                }
            }

            with.Add(new(key, value));
        }

        return new ActionStep(uses.Name ?? uses.Action, uses.Action, with);
    }

    private static List<Artifact> ReadArtifacts(string[] pairs, string where, string property, DeclarationProblems problems) =>
        [.. pairs.Select(p => Split(p, where, property, "name=path", problems)).OfType<(string, string)>().Select(p => new Artifact(p.Item1, p.Item2))];

    private static (string Name, string Value)? Split(string pair, string where, string property, string shape, DeclarationProblems problems)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == pair.Length - 1)
        {
            problems.Error(where, $"{property} entry '{pair}' is not '{shape}'.");
            return null;
        }

        return (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
    }

    private static string Suggest(string name, IEnumerable<string> candidates) =>
        ClosestMatch.Find(name, candidates) is { } close ? $" Did you mean '{close}'?" : string.Empty;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex FileNamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[A-Za-z0-9_./-]+$")]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)")]
    private static partial Regex InputReference();

    /// <summary>What every declaration is checked against: the build's targets and parameters, the repository.</summary>
    private sealed record Context(IReadOnlyList<string> TargetNames, IReadOnlyList<ParameterMember> Parameters, AbsolutePath Root, DeclarationProblems Problems)
    {
        public void CheckTarget(string target, string where)
        {
            if (!TargetNames.Contains(target, StringComparer.OrdinalIgnoreCase))
            {
                Problems.Warning(where, $"target '{target}' is not defined in this build (yet): the job fails until it is.{Suggest(target, TargetNames)}");
            }
        }

        public void CheckInputReferences(string value, List<WorkflowInput> inputs, string where)
        {
            foreach (Match match in InputReference().Matches(value))
            {
                var name = match.Groups[1].Value;
                if (inputs.All(i => i.Name != name))
                {
                    Problems.Error(where, $"'{value}' reads input '{name}', which the workflow does not declare.{Suggest(name, inputs.Select(i => i.Name))}");
                }
            }
        }

        /// <summary>The variable a parameter is read from (<c>SLIPWAY_…</c>), checking that the parameter exists.</summary>
        public string VariableOf(string name, string where, bool secret)
        {
            var parameter = Parameters.FirstOrDefault(p => p.Key == ParameterNames.Normalize(name));
            if (parameter is null)
            {
                Problems.Warning(where, $"parameter '{name}' is not defined in this build (yet): the build stops with exit code 2 until it is.{Suggest(name, Parameters.Select(p => p.Name))}");
                return ParameterNames.ToEnvironmentVariable(name);
            }

            if (secret && !parameter.IsSecret)
            {
                Problems.Error(where, $"ImportSecrets names '{parameter.Name}', which is not a [Secret] parameter: mark it [Secret] or pass it in Parameters.");
            }
            else if (!secret && parameter.IsSecret)
            {
                Problems.Error(where, $"Parameters names the secret '{parameter.Name}': use ImportSecrets, so its value comes from GitHub secrets and never from the workflow file.");
            }

            return parameter.EnvironmentVariable;
        }
    }
}

/// <summary>The workflows a build declares, and what the declarations left to be desired.</summary>
internal sealed record DeclaredWorkflows(IReadOnlyList<Workflow> Workflows, IReadOnlyList<string> Warnings);
