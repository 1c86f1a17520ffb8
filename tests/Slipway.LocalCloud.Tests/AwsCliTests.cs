using System.Text;
using System.Text.Json;
using Slipway.LocalCloud.Tests.Support;

namespace Slipway.LocalCloud.Tests;

/// <summary>The real awscli against the local cloud: it must not be able to tell it from AWS for the pipeline's operations.</summary>
[Collection(UsesCloudServer.Name)]
public sealed class AwsCliTests(CloudServer cloud)
{
    [Fact]
    public async Task Sts_get_caller_identity_names_the_local_account()
    {
        var (exit, stdout, stderr) = await cloud.AwsAsync("sts", "get-caller-identity");

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("000000000000", json.RootElement.GetProperty("Account").GetString());
        Assert.Equal("arn:aws:iam::000000000000:root", json.RootElement.GetProperty("Arn").GetString());
    }

    [Fact]
    public async Task A_service_created_with_the_cli_rolls_out_and_wait_services_stable_returns()
    {
        var name = Unique("svc");
        var taskDefinition = Path.GetTempFileName();
        await File.WriteAllTextAsync(taskDefinition, $$$"""
            {"family": "{{{name}}}", "networkMode": "host",
             "containerDefinitions": [{"name": "app", "image": "registry/api:v1", "essential": true,
               "portMappings": [{"containerPort": 8080}],
               "healthCheck": {"command": ["CMD-SHELL", "true"], "interval": 5, "retries": 3}}]}
            """);
        try
        {
            await Aws("ecs", "create-cluster", "--cluster-name", name);
            var registered = await Aws("ecs", "register-task-definition", "--cli-input-json", $"file://{taskDefinition}");
            var arn = registered.GetProperty("taskDefinition").GetProperty("taskDefinitionArn").GetString();
            var created = await Aws(
                "ecs", "create-service", "--cluster", name, "--service-name", "api", "--task-definition", name, "--desired-count", "2",
                "--deployment-configuration", "deploymentCircuitBreaker={enable=true,rollback=true},maximumPercent=200,minimumHealthyPercent=100");

            var stable = await WaitUntilAsync(async () => (await Aws("ecs", "describe-services", "--cluster", name, "--services", "api")).GetProperty("services")[0], s =>
                s.GetProperty("deployments").GetArrayLength() == 1 && s.GetProperty("runningCount").GetInt32() == 2);
            var (waitExit, _, waitError) = await cloud.AwsAsync("ecs", "wait", "services-stable", "--cluster", name, "--services", "api");
            var tasks = await Aws("ecs", "list-tasks", "--cluster", name, "--service-name", "api");
            var described = await Aws(["ecs", "describe-tasks", "--cluster", name, "--tasks", .. tasks.GetProperty("taskArns").EnumerateArray().Select(t => t.GetString()!)]);

            Assert.Equal($"arn:aws:ecs:us-east-1:000000000000:task-definition/{name}:1", arn);
            Assert.Equal("PRIMARY", created.GetProperty("service").GetProperty("deployments")[0].GetProperty("status").GetString());
            Assert.True(waitExit == 0, waitError);
            var deployment = stable.GetProperty("deployments")[0];
            Assert.Equal("COMPLETED", deployment.GetProperty("rolloutState").GetString());
            Assert.Equal("(service api) has reached a steady state.", stable.GetProperty("events")[0].GetProperty("message").GetString());
            Assert.Equal(JsonValueKind.Number, stable.GetProperty("events")[0].GetProperty("createdAt").ValueKind); // epoch seconds, as awscli v1 prints them
            Assert.Equal(2, described.GetProperty("tasks").GetArrayLength());
            Assert.All(described.GetProperty("tasks").EnumerateArray(), t => Assert.Equal("HEALTHY", t.GetProperty("healthStatus").GetString()));
            Assert.Equal(0, described.GetProperty("failures").GetArrayLength());

            var updated = await Aws("ecs", "update-service", "--cluster", name, "--service", "api", "--force-new-deployment");
            Assert.Equal(2, updated.GetProperty("service").GetProperty("deployments").GetArrayLength());
        }
        finally
        {
            File.Delete(taskDefinition);
        }
    }

    [Fact]
    public async Task Errors_read_as_AWS_errors_in_the_cli()
    {
        var (exit, _, stderr) = await cloud.AwsAsync("ecs", "describe-services", "--cluster", "no-such-cluster", "--services", "api");
        var (repositoryExit, _, repositoryError) = await cloud.AwsAsync("ecr", "describe-repositories", "--repository-names", "no-such-repo");

        Assert.Equal(255, exit);
        Assert.Equal("An error occurred (ClusterNotFoundException) when calling the DescribeServices operation: Cluster not found.", stderr.Trim());
        Assert.Equal(255, repositoryExit);
        Assert.Equal(
            "An error occurred (RepositoryNotFoundException) when calling the DescribeRepositories operation: The repository with name 'no-such-repo' does not exist in the registry with id '000000000000'",
            repositoryError.Trim());
    }

    [Fact]
    public async Task Ecr_repositories_the_login_password_and_lifecycle_policies_work_from_the_cli()
    {
        var name = $"team/{Unique("repo")}";
        var policy = Path.GetTempFileName();
        await File.WriteAllTextAsync(policy, """
            {"rules": [{"rulePriority": 1, "description": "keep the last 10 releases",
              "selection": {"tagStatus": "tagged", "tagPrefixList": ["v"], "countType": "imageCountMoreThan", "countNumber": 10},
              "action": {"type": "expire"}}]}
            """);
        try
        {
            var created = await Aws("ecr", "create-repository", "--repository-name", name, "--image-tag-mutability", "IMMUTABLE");
            var (exit, password, stderr) = await cloud.AwsAsync("ecr", "get-login-password");
            var token = await Aws("ecr", "get-authorization-token");
            await Aws("ecr", "put-lifecycle-policy", "--repository-name", name, "--lifecycle-policy-text", $"file://{policy}");
            var stored = await Aws("ecr", "get-lifecycle-policy", "--repository-name", name);

            var repository = created.GetProperty("repository");
            Assert.Equal($"{cloud.RegistryHost}/{name}", repository.GetProperty("repositoryUri").GetString());
            Assert.Equal($"arn:aws:ecr:us-east-1:000000000000:repository/{name}", repository.GetProperty("repositoryArn").GetString());
            Assert.Equal("IMMUTABLE", repository.GetProperty("imageTagMutability").GetString());
            Assert.True(exit == 0, stderr);
            var data = token.GetProperty("authorizationData")[0];
            Assert.Equal($"http://{cloud.RegistryHost}", data.GetProperty("proxyEndpoint").GetString());
            Assert.Equal($"AWS:{password.Trim()}", Encoding.UTF8.GetString(Convert.FromBase64String(data.GetProperty("authorizationToken").GetString()!)));
            Assert.Contains("keep the last 10 releases", stored.GetProperty("lifecyclePolicyText").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(policy);
        }
    }

    private async Task<JsonElement> Aws(params string[] args)
    {
        var (exit, stdout, stderr) = await cloud.AwsAsync(args);
        Assert.True(exit == 0, $"aws {string.Join(' ', args)} exited {exit}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.Clone();
    }

    private static async Task<JsonElement> WaitUntilAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(250);
        }
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];
}
