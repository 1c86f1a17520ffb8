using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Access;
using Slipway.Aws.Deployment.Environments;
using Slipway.Processes;

namespace Slipway.Components;

/// <summary>
/// <c>AwsPolicy</c>: writes the IAM policy documents of the role CI deploys <c>--environment</c> with, to
/// <c>artifacts/aws-policy/&lt;environment&gt;/</c>: <c>permissions.json</c> (only what EnvironmentUp, EcrPush, EcsDeploy,
/// Promote, Rollback and Releases call, on that environment's repository, cluster, service and task-definition family
/// and, for Promote, its promoteFrom environment's service and repository, plus iam:PassRole on the task's roles) and <c>trust.json</c> (GitHub OIDC, this repository's GitHub environment of the same name only).
/// Nothing in AWS is changed: the log says the commands that create or update the role.
/// </summary>
public interface IAwsPolicy : IEcsDeploy
{
    [Parameter("AwsPolicy: the GitHub repository (owner/name) whose workflows may assume the deploy role (default: $GITHUB_REPOSITORY, else the origin remote)")]
    string? GitHubRepository => TryGetValue(() => GitHubRepository);

    AbsolutePath AwsPolicyDirectory => ArtifactsDirectory / "aws-policy";

    Target AwsPolicy => _ => _
        .Description("Write the IAM permissions and GitHub OIDC trust policy of the role that deploys --environment (artifacts/aws-policy)")
        .Executes(ct => DeployFailures.RunAsync(async () =>
        {
            var environment = DeployEnvironment;
            if (environment.IsLocal)
            {
                throw new UsageException($"'{environment.Name}' is the local environment: it needs no AWS access. Name an AWS environment, e.g. --environment staging.");
            }

            var rendered = EcsDeployer.CheckTemplate(environment, TaskDefinitionTemplate, System.Environment.GetEnvironmentVariable);
            var roles = new[] { rendered.ExecutionRoleArn, rendered.TaskRoleArn }.OfType<string>().ToList();
            var repository = GitHubRepository ?? await FindGitHubRepositoryAsync(ct)
                ?? throw new UsageException("AwsPolicy needs the GitHub repository the workflows run in: pass --github-repository owner/name.");
            var directory = AwsPolicyDirectory / environment.Name;
            directory.CreateDirectory();
            // Promote runs with the target's role: it reads the promoteFrom environment's release and mounts its blobs.
            var promotionSource = environment.PromoteFrom is { Length: > 0 } from ? new EnvironmentFiles(EnvironmentsDirectory).Load(from) : null;
            var scope = new DeployRoleScope(environment, rendered.Family!, roles) { PromotionSource = promotionSource };
            await WriteAsync(directory / "permissions.json", DeployRolePolicy.Permissions(scope), ct);
            await WriteAsync(directory / "trust.json", DeployRolePolicy.Trust(environment, repository, environment.Name), ct);

            var role = environment.AwsRoleArn is { } arn ? arn[(arn.LastIndexOf('/') + 1)..] : $"slipway-deploy-{environment.Name}";
            Log.Information($"Wrote {(directory / "permissions.json").RelativeTo(RootDirectory)} and {(directory / "trust.json").RelativeTo(RootDirectory)}");
            Log.Information($"Create the role:  aws iam create-role --role-name {role} --assume-role-policy-document file://{(directory / "trust.json").RelativeTo(RootDirectory)}");
            Log.Information($"Give it the permissions:  aws iam put-role-policy --role-name {role} --policy-name slipway-deploy --policy-document file://{(directory / "permissions.json").RelativeTo(RootDirectory)}");
            if (environment.AwsRoleArn is null)
            {
                Log.Warning($"{environment.File} has no \"awsRoleArn\": add \"arn:aws:iam::{environment.Account}:role/{role}\" so the generated workflows assume it, then run ./build.sh --generate-workflows.");
            }

            ReportSummary($"{environment.Name}: {directory.RelativeTo(RootDirectory)}");
        }));

    private async Task<string?> FindGitHubRepositoryAsync(CancellationToken cancellationToken)
    {
        if (System.Environment.GetEnvironmentVariable("GITHUB_REPOSITORY") is { Length: > 0 } fromActions)
        {
            return fromActions;
        }

        var origin = await Processes.RunAsync(new ProcessSpec("git", ["remote", "get-url", "origin"]) { WorkingDirectory = RootDirectory, ThrowOnFailure = false, LogOutput = false }, cancellationToken);
        return GitHubRemote.OwnerAndName(origin.ExitCode == 0 ? origin.StandardOutput.Trim() : null);
    }

    private static Task WriteAsync(AbsolutePath file, JsonObject document, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(file, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", cancellationToken);
}
