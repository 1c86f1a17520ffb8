using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Slipway.Components.Tests;

/// <summary>
/// Whether a recorded AWS call is allowed by a permissions document, as IAM decides it for the parts the deploy
/// role uses: the action, the resource the request names (an ECR repository, an ECS cluster, service or task
/// definition; <c>*</c> for calls that name none), and the two conditions it writes (tags only on create, ListTasks
/// only in the cluster). Account and region are moto's.
/// </summary>
internal sealed class PolicyCheck(JsonObject permissions)
{
    private const string Region = "us-east-1";
    private const string Account = "123456789012";

    /// <summary>The resources of the call that no statement allows it on; empty when it is allowed.</summary>
    public IReadOnlyList<string> Refused(string action, string body)
    {
        var request = body.Length > 0 && body.TrimStart().StartsWith('{') ? JsonNode.Parse(body)!.AsObject() : [];
        return [.. ResourcesOf(action, request).Where(resource => !Statements().Any(s => Allows(s, action, resource, request)))];
    }

    private IEnumerable<JsonObject> Statements() => permissions["Statement"]!.AsArray().Select(s => s!.AsObject());

    private static bool Allows(JsonObject statement, string action, string resource, JsonObject request)
    {
        if (!statement["Action"]!.AsArray().Any(a => a!.GetValue<string>() == action)
            || !statement["Resource"]!.AsArray().Any(r => Matches(r!.GetValue<string>(), resource)))
        {
            return false;
        }

        return statement["Condition"] switch
        {
            null => true,
            // Tagging allowed only within a create call: never a TagResource call of its own.
            JsonObject c when c["StringEquals"]?["ecs:CreateAction"] is not null => false,
            JsonObject c when c["ArnEquals"]?["ecs:cluster"] is { } cluster => cluster.GetValue<string>() == ClusterArn(request["cluster"]?.GetValue<string>()),
            _ => throw new InvalidOperationException($"PolicyCheck does not know the condition {statement["Condition"]!.ToJsonString()}"),
        };
    }

    private static bool Matches(string pattern, string resource) =>
        Regex.IsMatch(resource, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static IEnumerable<string> ResourcesOf(string action, JsonObject request)
    {
        string? Text(string name) => request[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        IEnumerable<string> List(string name) => request[name] is JsonArray a ? a.Select(x => x!.GetValue<string>()) : [];

        var cluster = Text("cluster");
        IEnumerable<string> resources = action switch
        {
            _ when action.StartsWith("ecr:", StringComparison.Ordinal) && Text("repositoryName") is { } repository => [RepositoryArn(repository)],
            "ecr:DescribeRepositories" when request["repositoryNames"] is JsonArray => List("repositoryNames").Select(RepositoryArn),
            "ecs:DescribeServices" => List("services").Select(s => ServiceArn(cluster, s)),
            "ecs:UpdateService" or "ecs:DeleteService" => [ServiceArn(cluster, Text("service")!)],
            "ecs:CreateService" => [ServiceArn(cluster, Text("serviceName")!)],
            "ecs:DescribeClusters" => List("clusters").Select(c => ClusterArn(c)),
            "ecs:CreateCluster" => [ClusterArn(Text("clusterName"))],
            "ecs:TagResource" => [Text("resourceArn")!],
            "ecs:DescribeTasks" => List("tasks").Select(t => t.StartsWith("arn:", StringComparison.Ordinal) ? t : $"arn:aws:ecs:{Region}:{Account}:task/{Name(cluster)}/{t}"),
            _ => ["*"],
        };
        return resources;
    }

    private static string RepositoryArn(string repository) => $"arn:aws:ecr:{Region}:{Account}:repository/{repository}";

    private static string Name(string? clusterOrArn) => clusterOrArn is null ? "default" : clusterOrArn[(clusterOrArn.LastIndexOf('/') + 1)..];

    private static string ClusterArn(string? cluster) => $"arn:aws:ecs:{Region}:{Account}:cluster/{Name(cluster)}";

    private static string ServiceArn(string? cluster, string service) =>
        service.StartsWith("arn:", StringComparison.Ordinal) ? service : $"arn:aws:ecs:{Region}:{Account}:service/{Name(cluster)}/{service}";
}
