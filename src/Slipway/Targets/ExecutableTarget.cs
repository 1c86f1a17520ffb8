using System.Reflection;

namespace Slipway.Targets;

/// <summary>A target with its references resolved, and what happened to it in this run.</summary>
internal sealed class ExecutableTarget
{
    public ExecutableTarget(string name, MethodInfo identity, TargetDefinition definition, int declarationOrder)
    {
        Name = name;
        Identity = identity;
        Definition = definition;
        DeclarationOrder = declarationOrder;
    }

    public string Name { get; }

    /// <summary>The method of the target's lambda: how <c>DependsOn(Compile)</c> finds <c>Compile</c>.</summary>
    public MethodInfo Identity { get; }

    public TargetDefinition Definition { get; }

    public int DeclarationOrder { get; }

    public string? Description => Definition.DescriptionText;

    public bool IsListed => Definition.IsListed;

    /// <summary>Hard dependencies: own DependsOn plus others' DependentFor.</summary>
    public List<ExecutableTarget> Dependencies { get; } = [];

    /// <summary>Ordering only: planned targets that must run before this one (own After plus others' Before).</summary>
    public List<ExecutableTarget> RunsAfter { get; } = [];

    /// <summary>Targets planned to run after this one whenever it is planned (own Triggers plus others' TriggeredBy).</summary>
    public List<ExecutableTarget> Triggers { get; } = [];

    public TargetStatus Status { get; set; } = TargetStatus.NotRun;

    public TimeSpan Duration { get; set; }

    /// <summary>Why it was skipped, the first line of its error, or a note the target set (test counts).</summary>
    public string? Note { get; set; }

    public bool IsInvoked { get; set; }

    /// <summary>The exit code a failure asked for (<see cref="TargetFailureException"/>); null for an ordinary failure.</summary>
    public int? FailureExitCode { get; set; }

    public override string ToString() => Name;
}
