namespace Slipway.Targets;

/// <summary>
/// A reference to another target, resolved once every target is known. A <see cref="Target"/> delegate is
/// identified by its method: each target property compiles its lambda to a method of its own.
/// </summary>
internal sealed class TargetReference
{
    private readonly Target? target;
    private readonly Func<object, Target?>? fromComponent;

    private TargetReference(Target? target, Func<object, Target?>? fromComponent)
    {
        this.target = target;
        this.fromComponent = fromComponent;
    }

    public static TargetReference Of(Target target) => new(target, null);

    public static TargetReference Of<T>(Func<T, Target> select) =>
        new(null, build => build is T component ? select(component) : null);

    public Target Resolve(object build) =>
        TryResolve(build) ?? throw new UsageException($"A target refers to a component that {build.GetType().Name} does not implement.");

    /// <summary>The target, or null when it belongs to a component the build does not implement.</summary>
    public Target? TryResolve(object build) => target ?? fromComponent!(build);
}
