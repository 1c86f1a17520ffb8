using System.Reflection;

namespace Slipway.Targets;

/// <summary>
/// Finds the <see cref="Target"/> properties of a build class and of the component interfaces it implements,
/// runs each definition once, and resolves the references between them.
/// </summary>
internal static class TargetDiscovery
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<ExecutableTarget> Discover(object build)
    {
        var byName = new Dictionary<string, ExecutableTarget>(StringComparer.OrdinalIgnoreCase);
        var byIdentity = new Dictionary<MethodInfo, ExecutableTarget>();
        foreach (var property in TargetProperties(build.GetType()))
        {
            if (byName.ContainsKey(property.Name))
            {
                continue; // The class's own declaration wins over a component's default one.
            }

            var factory = (Target)property.GetValue(build)!;
            var definition = new TargetDefinition();
            factory(definition);
            var target = new ExecutableTarget(property.Name, factory.Method, definition, byName.Count);
            byName.Add(target.Name, target);
            byIdentity[factory.Method] = target;
        }

        var targets = byName.Values.ToList();
        foreach (var target in targets)
        {
            Resolve(build, target, byIdentity);
        }

        return targets;
    }

    private static IEnumerable<PropertyInfo> TargetProperties(Type buildType)
    {
        var classChain = new List<Type>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            classChain.Add(type);
        }

        // Base classes first so declaration order follows reading order; interfaces (components) last.
        classChain.Reverse();
        var fromClasses = classChain.SelectMany(t => t.GetProperties(Members));
        var fromComponents = buildType.GetInterfaces().SelectMany(i => i.GetProperties(Members));
        return fromClasses.Concat(fromComponents).Where(p => p.PropertyType == typeof(Target) && p.GetIndexParameters().Length == 0);
    }

    private static void Resolve(object build, ExecutableTarget target, Dictionary<MethodInfo, ExecutableTarget> byIdentity)
    {
        var definition = target.Definition;
        ExecutableTarget Find(TargetReference reference) => Lookup(reference.Resolve(build));

        // Ordering and triggers may name a component the build does not compose (a Clean that runs before any
        // Restore there is): without that target there is nothing to order, so the reference is dropped.
        IEnumerable<ExecutableTarget> FindIfComposed(IEnumerable<TargetReference> references) =>
            references.Select(r => r.TryResolve(build)).OfType<Target>().Select(Lookup);

        ExecutableTarget Lookup(Target other) =>
            byIdentity.TryGetValue(other.Method, out var found)
                ? found
                : throw new UsageException($"Target '{target.Name}' refers to a target that is not a Target property of {build.GetType().Name}.");

        foreach (var dependency in definition.Dependencies.Select(Find))
        {
            AddOnce(target.Dependencies, dependency);
        }

        foreach (var dependent in definition.DependentFors.Select(Find))
        {
            AddOnce(dependent.Dependencies, target);
        }

        foreach (var earlier in FindIfComposed(definition.Afters))
        {
            AddOnce(target.RunsAfter, earlier);
        }

        foreach (var later in FindIfComposed(definition.Befores))
        {
            AddOnce(later.RunsAfter, target);
        }

        foreach (var triggered in FindIfComposed(definition.TriggersList))
        {
            AddOnce(target.Triggers, triggered);
        }

        foreach (var trigger in FindIfComposed(definition.TriggeredByList))
        {
            AddOnce(trigger.Triggers, target);
        }
    }

    private static void AddOnce(List<ExecutableTarget> list, ExecutableTarget item)
    {
        if (!list.Contains(item))
        {
            list.Add(item);
        }
    }
}
