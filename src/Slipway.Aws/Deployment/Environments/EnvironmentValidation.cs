using System.Text.RegularExpressions;
using Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Deployment.Environments;

/// <summary>What JSON types cannot say: required fields, formats, allowed values, fields that exclude each other.</summary>
internal static partial class EnvironmentValidation
{
    private static readonly string[] LaunchTypes = [LaunchType.Fargate, LaunchType.Ec2, LaunchType.External, LaunchType.ManagedInstances];

    public static DeployEnvironment Validate(DeployEnvironment e)
    {
        var problems = new List<string>();
        if (e.Kind is not (EnvironmentKinds.Aws or EnvironmentKinds.Local))
        {
            problems.Add($"'kind' is '{e.Kind}': use \"aws\" or \"local\"");
        }

        Require(e.Account, "account", "the 12-digit AWS account id, e.g. \"123456789012\"", problems);
        if (e.Account.Length > 0 && !AccountId().IsMatch(e.Account))
        {
            problems.Add($"'account' is '{e.Account}': an AWS account id is exactly 12 digits, in quotes");
        }

        Require(e.Region, "region", "the AWS region, e.g. \"eu-west-1\"", problems);
        if (e.Region.Length > 0 && !RegionName().IsMatch(e.Region))
        {
            problems.Add($"'region' is '{e.Region}', which is not a region name such as \"eu-west-1\"");
        }

        Require(e.Cluster, "cluster", "the ECS cluster name", problems);
        Require(e.Service, "service", "the ECS service name", problems);
        Require(e.Repository, "repository", "the ECR repository name, e.g. \"slipway/api\"", problems);
        if (e.Repository.Length > 0 && !RepositoryName().IsMatch(e.Repository))
        {
            problems.Add($"'repository' is '{e.Repository}': ECR names are lowercase letters and digits joined by '.', '_', '-' or '/', 2 to 256 characters");
        }

        if (e.DesiredCount < 0)
        {
            problems.Add($"'desiredCount' is {e.DesiredCount}: it must be 0 or more");
        }

        if (e.LaunchType is { } launchType && !LaunchTypes.Contains(launchType, StringComparer.Ordinal))
        {
            problems.Add($"'launchType' is '{launchType}': use one of {string.Join(", ", LaunchTypes)}");
        }

        if (e.LaunchType is not null && e.CapacityProviderStrategy is { Count: > 0 })
        {
            problems.Add("'launchType' and 'capacityProviderStrategy' exclude each other: keep one");
        }

        foreach (var (entry, index) in (e.CapacityProviderStrategy ?? []).Select((s, i) => (s, i)))
        {
            Require(entry.CapacityProvider, $"capacityProviderStrategy[{index}].capacityProvider", "e.g. \"FARGATE_SPOT\"", problems);
        }

        foreach (var (name, value) in new[] { ("ecs", e.Endpoints.Ecs), ("ecr", e.Endpoints.Ecr), ("sts", e.Endpoints.Sts) })
        {
            if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                problems.Add($"'endpoints.{name}' is '{value}': it must be an absolute http(s) URL such as \"http://127.0.0.1:4566\"");
            }
        }

        if (e.Endpoints.Registry is { } registry && (registry.Contains("://", StringComparison.Ordinal) || registry.Contains('/', StringComparison.Ordinal)))
        {
            problems.Add($"'endpoints.registry' is '{registry}': give host[:port] only, e.g. \"127.0.0.1:5000\"");
        }

        if (e.AwsRoleArn is { } role && !RoleArn().IsMatch(role))
        {
            problems.Add($"'awsRoleArn' is '{role}': give a role ARN such as \"arn:aws:iam::{(e.Account.Length > 0 ? e.Account : "111111111111")}:role/slipway-deploy-{e.Name}\"");
        }
        else if (e.AwsRoleArn is { } inAccount && e.Account.Length > 0 && !inAccount.StartsWith($"arn:aws:iam::{e.Account}:", StringComparison.Ordinal))
        {
            problems.Add($"'awsRoleArn' is a role of another account than 'account' ({e.Account})");
        }

        if (e.PromoteFrom == e.Name)
        {
            problems.Add("'promoteFrom' names this environment itself");
        }

        return problems.Count == 0
            ? e
            : throw new DeployConfigurationException($"{e.File}: {string.Join("; ", problems)}.");
    }

    private static void Require(string value, string field, string what, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"'{field}' is missing: add {what}");
        }
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]{1,512}$")]
    private static partial Regex RoleArn();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d$")]
    private static partial Regex RegionName();

    [GeneratedRegex(@"^(?=.{2,256}$)[a-z0-9]+(?:[._-][a-z0-9]+|__[a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+|__[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryName();
}
