namespace Slipway.LocalCloud.Runtime;

/// <summary>ECS's dependsOn conditions, judged on an observed container.</summary>
internal static class DependencyConditions
{
    /// <summary>True when met, false when it can never be met any more, null while it may still be.</summary>
    public static bool? Evaluate(string condition, ContainerObservation dependency) => condition switch
    {
        "COMPLETE" => dependency.LastStatus == "STOPPED" ? true : null,
        "SUCCESS" => dependency.LastStatus == "STOPPED" ? dependency.ExitCode == 0 : null,
        "HEALTHY" => dependency.HealthStatus switch
        {
            "HEALTHY" => true,
            "UNHEALTHY" => false,
            _ => dependency.LastStatus == "STOPPED" ? false : null,
        },
        _ => throw new TaskStartException($"ClientException: dependsOn condition '{condition}' is not one of START, COMPLETE, SUCCESS, HEALTHY."),
    };

    public static string Describe(ContainerObservation container) =>
        container.LastStatus == "STOPPED"
            ? $"STOPPED with exit code {container.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}"
            : $"{container.LastStatus} and {container.HealthStatus}";
}
