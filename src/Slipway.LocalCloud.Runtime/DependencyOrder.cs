using Slipway.Aws.Ecs.Model;

namespace Slipway.LocalCloud.Runtime;

/// <summary>
/// The order in which a task's containers start: every container after the containers it <c>dependsOn</c>, in
/// the definition's order otherwise. Unknown names and cycles are the definition's error, as ECS says at
/// registration.
/// </summary>
internal static class DependencyOrder
{
    public static IReadOnlyList<ContainerDefinition> Of(IList<ContainerDefinition> containers)
    {
        var byName = containers.ToDictionary(c => c.Name!, StringComparer.Ordinal);
        var ordered = new List<ContainerDefinition>(containers.Count);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false = visiting, true = placed
        foreach (var container in containers)
        {
            Visit(container, byName, state, ordered);
        }

        return ordered;
    }

    private static void Visit(ContainerDefinition container, Dictionary<string, ContainerDefinition> byName, Dictionary<string, bool> state, List<ContainerDefinition> ordered)
    {
        var name = container.Name!;
        if (state.TryGetValue(name, out var placed))
        {
            if (!placed)
            {
                throw new TaskStartException($"ClientException: the dependsOn of container '{name}' form a cycle.");
            }

            return;
        }

        state[name] = false;
        foreach (var dependency in container.DependsOn ?? [])
        {
            if (dependency.ContainerName is null || !byName.TryGetValue(dependency.ContainerName, out var other))
            {
                throw new TaskStartException($"ClientException: container '{name}' dependsOn '{dependency.ContainerName}', which is not a container of the task definition.");
            }

            Visit(other, byName, state, ordered);
        }

        state[name] = true;
        ordered.Add(container);
    }
}
