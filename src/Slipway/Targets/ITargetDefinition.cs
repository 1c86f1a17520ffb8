using System.Linq.Expressions;

namespace Slipway;

/// <summary>The fluent definition of a target, with NUKE's member names.</summary>
public interface ITargetDefinition
{
    /// <summary>Shown by <c>--help</c> and in generated workflows.</summary>
    ITargetDefinition Description(string description);

    /// <summary>Hidden from <c>--help</c>; still invocable.</summary>
    ITargetDefinition Unlisted();

    /// <summary>These targets run first, whenever this one runs.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>Like <see cref="DependsOn(Target[])"/> for targets declared by a component interface.</summary>
    ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets);

    /// <summary>This target becomes a dependency of the given ones.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets);

    /// <summary>Ordering only: when both are planned, this one runs before the given ones.</summary>
    ITargetDefinition Before(params Target[] targets);

    ITargetDefinition Before<T>(params Func<T, Target>[] targets);

    /// <summary>Ordering only: when both are planned, this one runs after the given ones.</summary>
    ITargetDefinition After(params Target[] targets);

    ITargetDefinition After<T>(params Func<T, Target>[] targets);

    /// <summary>Whenever this target is planned, the given ones are planned to run after it.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    ITargetDefinition Triggers<T>(params Func<T, Target>[] targets);

    /// <summary>Whenever one of the given targets is planned, this one is planned to run after it.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets);

    /// <summary>
    /// Checked before anything runs: when false, this target is skipped, and so are its dependencies that no
    /// other planned target needs.
    /// </summary>
    ITargetDefinition OnlyWhenStatic(params Expression<Func<bool>>[] conditions);

    /// <summary>Checked right before this target runs: when false, only this target is skipped.</summary>
    ITargetDefinition OnlyWhenDynamic(params Expression<Func<bool>>[] conditions);

    /// <summary>A parameter that must have a value when this target is planned; checked before anything runs.</summary>
    ITargetDefinition Requires<T>(params Expression<Func<T?>>[] parameters)
        where T : class;

    /// <summary>Like <see cref="Requires{T}(Expression{Func{T}}[])"/> for value-typed parameters.</summary>
    ITargetDefinition Requires<T>(params Expression<Func<T?>>[] parameters)
        where T : struct;

    /// <summary>A condition that must hold when this target is planned; checked before anything runs.</summary>
    ITargetDefinition Requires(params Expression<Func<bool>>[] conditions);

    /// <summary>When this target fails, the build goes on with the targets that do not depend on it.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>This target runs even after another target failed or the build was cancelled.</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>
    /// What the target's result depends on (files, directories, parameter values, tool versions). With inputs or
    /// outputs declared, a target whose fingerprint equals that of its last successful run is <c>UpToDate</c> and
    /// does not run; <c>--force</c> runs it anyway. The lambda runs each time the engine checks.
    /// </summary>
    ITargetDefinition Inputs(Action<ITargetInputs> inputs);

    /// <summary>What the target makes: an output gone or changed since its last successful run makes it run again.</summary>
    ITargetDefinition Outputs(Action<ITargetOutputs> outputs);

    ITargetDefinition Executes(Action action);

    ITargetDefinition Executes(Func<Task> action);

    /// <summary>An action that observes cancellation (Ctrl+C).</summary>
    ITargetDefinition Executes(Func<CancellationToken, Task> action);
}
