using System.Linq.Expressions;
using Slipway.UpToDate;

namespace Slipway.Targets;

/// <summary>Collects what a target's fluent definition says; the planner turns it into an executable target.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }

    public bool IsListed { get; private set; } = true;

    public bool ProceedsAfterFailure { get; private set; }

    public bool IsAssuredAfterFailure { get; private set; }

    public List<TargetReference> Dependencies { get; } = [];

    public List<TargetReference> DependentFors { get; } = [];

    public List<TargetReference> Befores { get; } = [];

    public List<TargetReference> Afters { get; } = [];

    public List<TargetReference> TriggersList { get; } = [];

    public List<TargetReference> TriggeredByList { get; } = [];

    public List<Condition> StaticConditions { get; } = [];

    public List<Condition> DynamicConditions { get; } = [];

    public List<Requirement> Requirements { get; } = [];

    public List<Func<CancellationToken, Task>> Actions { get; } = [];

    private List<Action<ITargetInputs>> InputDeclarations { get; } = [];

    private List<Action<ITargetOutputs>> OutputDeclarations { get; } = [];

    /// <summary>Inputs or outputs declared: the engine checks whether the target is up to date before it runs.</summary>
    public bool HasUpToDateCheck => InputDeclarations.Count > 0 || OutputDeclarations.Count > 0;

    /// <summary>Runs the declarations afresh: parameters and earlier targets' results may have changed what they name.</summary>
    public (DeclaredInputs Inputs, DeclaredOutputs Outputs) Declare()
    {
        var inputs = new DeclaredInputs();
        var outputs = new DeclaredOutputs();
        InputDeclarations.ForEach(declare => declare(inputs));
        OutputDeclarations.ForEach(declare => declare(outputs));
        return (inputs, outputs);
    }

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition Unlisted()
    {
        IsListed = false;
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets) => Add(Dependencies, targets);

    public ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) => Add(Dependencies, targets);

    public ITargetDefinition DependentFor(params Target[] targets) => Add(DependentFors, targets);

    public ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) => Add(DependentFors, targets);

    public ITargetDefinition Before(params Target[] targets) => Add(Befores, targets);

    public ITargetDefinition Before<T>(params Func<T, Target>[] targets) => Add(Befores, targets);

    public ITargetDefinition After(params Target[] targets) => Add(Afters, targets);

    public ITargetDefinition After<T>(params Func<T, Target>[] targets) => Add(Afters, targets);

    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggersList, targets);

    public ITargetDefinition Triggers<T>(params Func<T, Target>[] targets) => Add(TriggersList, targets);

    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByList, targets);

    public ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets) => Add(TriggeredByList, targets);

    public ITargetDefinition OnlyWhenStatic(params Expression<Func<bool>>[] conditions)
    {
        StaticConditions.AddRange(conditions.Select(c => new Condition(c)));
        return this;
    }

    public ITargetDefinition OnlyWhenDynamic(params Expression<Func<bool>>[] conditions)
    {
        DynamicConditions.AddRange(conditions.Select(c => new Condition(c)));
        return this;
    }

    ITargetDefinition ITargetDefinition.Requires<T>(params Expression<Func<T?>>[] parameters)
        where T : class
    {
        Requirements.AddRange(parameters.Select(Requirement.ForValue));
        return this;
    }

    ITargetDefinition ITargetDefinition.Requires<T>(params Expression<Func<T?>>[] parameters)
        where T : struct
    {
        Requirements.AddRange(parameters.Select(Requirement.ForValue));
        return this;
    }

    public ITargetDefinition Requires(params Expression<Func<bool>>[] conditions)
    {
        Requirements.AddRange(conditions.Select(Requirement.ForCondition));
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        ProceedsAfterFailure = true;
        return this;
    }

    public ITargetDefinition AssuredAfterFailure()
    {
        IsAssuredAfterFailure = true;
        return this;
    }

    ITargetDefinition ITargetDefinition.Inputs(Action<ITargetInputs> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        InputDeclarations.Add(inputs);
        return this;
    }

    ITargetDefinition ITargetDefinition.Outputs(Action<ITargetOutputs> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        OutputDeclarations.Add(outputs);
        return this;
    }

    public ITargetDefinition Executes(Action action)
    {
        Actions.Add(_ =>
        {
            action();
            return Task.CompletedTask;
        });
        return this;
    }

    public ITargetDefinition Executes(Func<Task> action)
    {
        Actions.Add(_ => action());
        return this;
    }

    public ITargetDefinition Executes(Func<CancellationToken, Task> action)
    {
        Actions.Add(action);
        return this;
    }

    private TargetDefinition Add(List<TargetReference> list, Target[] targets)
    {
        list.AddRange(targets.Select(TargetReference.Of));
        return this;
    }

    private TargetDefinition Add<T>(List<TargetReference> list, Func<T, Target>[] targets)
    {
        list.AddRange(targets.Select(TargetReference.Of));
        return this;
    }
}
