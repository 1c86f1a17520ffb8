using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Slipway.Components.Local;

namespace Slipway.Components.Tests.Local.EndToEnd;

/// <summary>
/// The acceptance of the local environment, end to end on this machine: a fresh clone's <c>./build.sh Deploy</c>,
/// a redeploy with no change, a code change without a failed request, a broken release rolled back, a local cloud
/// killed in the middle of a deploy, what a real AWS client sees, and <c>EnvironmentDown</c> leaving nothing.
/// The steps run in order on one clone; each leaves it deployed and healthy for the next.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Integration)]
[TestCaseOrderer(StepOrderer.Name, StepOrderer.Assembly)]
public sealed partial class LocalDeployTests(LocalDeployFixture fixture) : IClassFixture<LocalDeployFixture>
{
    private static readonly TimeSpan DeployTimeout = TimeSpan.FromMinutes(10);

    private ServiceClone Clone => fixture.Clone;

    [Fact, Step(Number = 1)]
    public async Task A_fresh_clone_deploys_and_the_service_answers_health_and_version()
    {
        Assert.True(fixture.FirstDeploy.ExitCode == 0, $"the first deploy failed: {fixture.FirstDeploy}");
        Assert.Contains(Clone.ServiceUrl.ToString().TrimEnd('/'), fixture.FirstDeploy.Output, StringComparison.Ordinal);
        Assert.Contains("EnvironmentDown", fixture.FirstDeploy.Output, StringComparison.Ordinal);

        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri(Clone.ServiceUrl, "/health"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains(await HeadCommitAsync(), await http.GetStringAsync(new Uri(Clone.ServiceUrl, "/version")), StringComparison.Ordinal);
    }

    [Fact, Step(Number = 2)]
    public async Task A_second_deploy_with_no_change_makes_no_task_definition_and_no_deployment()
    {
        var definitionsBefore = await TaskDefinitionArnsAsync();
        var deploymentsBefore = await DeploymentIdsAsync();

        var again = await Clone.BuildAsync(["Deploy"], Timeout());

        Assert.True(again.ExitCode == 0, $"the redeploy failed: {again}");
        Assert.Equal(definitionsBefore, await TaskDefinitionArnsAsync());
        Assert.Equal(deploymentsBefore, await DeploymentIdsAsync());
    }

    [Fact, Step(Number = 3)]
    public async Task A_code_change_replaces_the_task_without_a_failed_request()
    {
        var deploymentsBefore = await DeploymentIdsAsync();
        await Clone.ChangeServiceAsync($"app.MapGet(\"/e2e\", () => \"{Guid.NewGuid():N}\");", "A one-line change to the service", Timeout());
        var commit = await HeadCommitAsync();

        using var polling = new CancellationTokenSource();
        var poller = PollHealthAsync(polling.Token);
        var deploy = await Clone.BuildAsync(["Deploy"], Timeout());
        await polling.CancelAsync();
        var (succeeded, failures) = await poller;

        Assert.True(deploy.ExitCode == 0, $"the deploy of the change failed: {deploy}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {succeeded + failures.Count} requests failed during the deploy: {string.Join("; ", failures.Take(5))}");
        Assert.True(succeeded > 20, $"only {succeeded} requests were made during the deploy");
        var deployments = await DeploymentIdsAsync();
        Assert.Single(deployments);
        Assert.DoesNotContain(deployments[0], deploymentsBefore);
        using var http = new HttpClient();
        Assert.Contains(commit, await http.GetStringAsync(new Uri(Clone.ServiceUrl, "/version")), StringComparison.Ordinal);
        Assert.Single(await RunningTaskArnsAsync());
    }

    [Fact, Step(Number = 4)]
    public async Task A_release_that_exits_at_start_fails_with_its_exit_code_and_is_rolled_back()
    {
        var service = await DescribeServiceAsync();
        var previous = service.GetProperty("taskDefinition").GetString();
        var commit = await HeadCommitAsync();
        await Clone.ChangeServiceAsync(
            "if (Environment.GetEnvironmentVariable(\"SLIPWAY_ENVIRONMENT\") is { Length: > 0 }) { Console.Error.WriteLine(\"e2e: exiting at start\"); Environment.Exit(3); }",
            "A release whose process exits at start",
            Timeout());
        try
        {
            var deploy = await Clone.BuildAsync(["Deploy"], Timeout());

            Assert.True(deploy.ExitCode != 0, $"the broken release deployed: {deploy}");
            Assert.Contains("Essential container in task exited", deploy.Output, StringComparison.Ordinal);
            Assert.Matches("(exit code|exitCode)[: ]+3", deploy.Output);
            await WaitUntilAsync(async () => (await DescribeServiceAsync()).GetProperty("taskDefinition").GetString() == previous, "the service rolled back to " + previous);
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(Clone.ServiceUrl, "/health"))).StatusCode);
            Assert.Contains(commit, await http.GetStringAsync(new Uri(Clone.ServiceUrl, "/version")), StringComparison.Ordinal);
        }
        finally
        {
            await Clone.UndoLastCommitAsync(CancellationToken.None);
        }
    }

    [Fact, Step(Number = 5)]
    public async Task A_local_cloud_killed_during_a_deploy_loses_nothing_and_the_deploy_runs_again_to_completion()
    {
        var repositoriesBefore = await Clone.AwsAsync(["ecr", "describe-repositories"], Timeout());
        var definitionsBefore = await TaskDefinitionArnsAsync();
        await Clone.ChangeServiceAsync($"app.MapGet(\"/e2e-restart\", () => \"{Guid.NewGuid():N}\");", "A change deployed while the local cloud dies", Timeout());
        var commit = await HeadCommitAsync();

        var output = new StringBuilder();
        using (var interrupted = Clone.StartBuild(["Deploy"], output))
        {
            // Once the new revision is registered, the deploy is talking to the local cloud: kill it there.
            await WaitUntilAsync(async () => (await TaskDefinitionArnsAsync()).Count > definitionsBefore.Count, "a new task definition revision");
            var pid = int.Parse(await File.ReadAllTextAsync(Path.Combine(Clone.LocalDirectory, "cloud", "cloud.pid")), CultureInfo.InvariantCulture);
            Process.GetProcessById(pid).Kill();
            await interrupted.WaitForExitAsync(Timeout());
        }

        var again = await Clone.BuildAsync(["Deploy"], Timeout());

        Assert.True(again.ExitCode == 0, $"the deploy after the local cloud was killed failed: {again}\n(the interrupted one printed:\n{output})");
        Assert.Equal(RepositoryNames(repositoriesBefore.Output), RepositoryNames((await Clone.AwsAsync(["ecr", "describe-repositories"], Timeout())).Output));
        Assert.Equal(definitionsBefore, (await TaskDefinitionArnsAsync()).Take(definitionsBefore.Count).ToList());
        using var http = new HttpClient();
        Assert.Contains(commit, await http.GetStringAsync(new Uri(Clone.ServiceUrl, "/version")), StringComparison.Ordinal);
    }

    [Fact, Step(Number = 6)]
    public async Task A_real_AWS_client_sees_the_state_in_AWS_shapes_and_the_service_is_stable()
    {
        var stable = await Clone.AwsAsync(["ecs", "wait", "services-stable", "--cluster", "slipway-e2e", "--services", "api"], Timeout());
        Assert.True(stable.ExitCode == 0, $"aws ecs wait services-stable: {stable}");

        using var images = JsonDocument.Parse((await Clone.AwsAsync(["ecr", "describe-images", "--repository-name", "slipway/api"], Timeout())).Output);
        Assert.All(images.RootElement.GetProperty("imageDetails").EnumerateArray(), i => Assert.Matches("^sha256:[0-9a-f]{64}$", i.GetProperty("imageDigest").GetString()));

        var service = await DescribeServiceAsync();
        Assert.Equal("ACTIVE", service.GetProperty("status").GetString());
        var deployment = Assert.Single(service.GetProperty("deployments").EnumerateArray());
        Assert.Equal("PRIMARY", deployment.GetProperty("status").GetString());
        Assert.Equal("COMPLETED", deployment.GetProperty("rolloutState").GetString());
        Assert.Contains(service.GetProperty("events").EnumerateArray(), e => e.GetProperty("message").GetString()!.EndsWith("has reached a steady state.", StringComparison.Ordinal));

        var tasks = await RunningTaskArnsAsync();
        using var described = JsonDocument.Parse((await Clone.AwsAsync(["ecs", "describe-tasks", "--cluster", "slipway-e2e", "--tasks", .. tasks], Timeout())).Output);
        var task = Assert.Single(described.RootElement.GetProperty("tasks").EnumerateArray());
        Assert.Equal("RUNNING", task.GetProperty("lastStatus").GetString());
        Assert.Equal("HEALTHY", task.GetProperty("healthStatus").GetString());
    }

    [Fact, Step(Number = 20)]
    public async Task EnvironmentDown_leaves_no_container_or_process_of_the_environment()
    {
        var pids = Directory.EnumerateFiles(Clone.LocalDirectory, "*.pid", SearchOption.AllDirectories)
            .Select(f => int.Parse(File.ReadAllText(f).Trim(), CultureInfo.InvariantCulture))
            .ToList();
        Assert.NotEmpty(pids);
        var scope = LocalCloudTasks.ScopeFor(Path.Combine(Clone.LocalDirectory, "cloud", "state"));
        Assert.NotEmpty(await ContainersOfAsync(scope));

        var down = await Clone.BuildAsync(["EnvironmentDown", "--purge"], Timeout());

        Assert.True(down.ExitCode == 0, $"EnvironmentDown failed: {down}");
        Assert.Empty(await ContainersOfAsync(scope));
        Assert.All(pids, pid => Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal), $"process {pid} still runs"));
        Assert.False(Directory.Exists(Clone.LocalDirectory), "--purge left the state behind");
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(Clone.ServiceUrl, "/health")));
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(Clone.CloudEndpoint, "/_slipway/health")));
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(DeployTimeout).Token;

    private async Task<string> HeadCommitAsync() =>
        (await Command.RunAsync("git", ["rev-parse", "--short=12", "HEAD"], Clone.Root, CancellationToken.None)).Output.Trim();

    private async Task<List<string>> TaskDefinitionArnsAsync()
    {
        using var listed = JsonDocument.Parse((await Clone.AwsAsync(["ecs", "list-task-definitions", "--sort", "ASC"], Timeout())).Output);
        return [.. listed.RootElement.GetProperty("taskDefinitionArns").EnumerateArray().Select(a => a.GetString()!)];
    }

    private async Task<JsonElement> DescribeServiceAsync()
    {
        var result = await Clone.AwsAsync(["ecs", "describe-services", "--cluster", "slipway-e2e", "--services", "api"], Timeout());
        Assert.True(result.ExitCode == 0, $"describe-services: {result}");
        using var described = JsonDocument.Parse(result.Output);
        return described.RootElement.GetProperty("services")[0].Clone();
    }

    private async Task<List<string>> DeploymentIdsAsync() =>
        [.. (await DescribeServiceAsync()).GetProperty("deployments").EnumerateArray().Select(d => d.GetProperty("id").GetString()!)];

    private async Task<List<string>> RunningTaskArnsAsync()
    {
        using var listed = JsonDocument.Parse((await Clone.AwsAsync(["ecs", "list-tasks", "--cluster", "slipway-e2e", "--service-name", "api"], Timeout())).Output);
        return [.. listed.RootElement.GetProperty("taskArns").EnumerateArray().Select(a => a.GetString()!)];
    }

    private static List<string> RepositoryNames(string describeRepositories)
    {
        using var json = JsonDocument.Parse(describeRepositories);
        return [.. json.RootElement.GetProperty("repositories").EnumerateArray().Select(r => r.GetProperty("repositoryName").GetString()!).Order(StringComparer.Ordinal)];
    }

    private async Task<(int Succeeded, List<string> Failures)> PollHealthAsync(CancellationToken stop)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var succeeded = 0;
        var failures = new List<string>();
        for (var i = 0; i < 20 * 60 * 10 && !stop.IsCancellationRequested; i++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Clone.ServiceUrl, "/health"), CancellationToken.None);
                if (response.IsSuccessStatusCode)
                {
                    succeeded++;
                }
                else
                {
                    failures.Add($"{(int)response.StatusCode} at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
                }
            }
            catch (HttpRequestException exception)
            {
                failures.Add($"{exception.Message} at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
            }

            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (succeeded, failures);
    }

    private static async Task<List<string>> ContainersOfAsync(string scope)
    {
        var listed = await Command.RunAsync("docker", ["ps", "-aq", "--filter", $"label=slipway.localcloud.scope={scope}"], "/", CancellationToken.None);
        return [.. listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < DeployTimeout, $"waited {clock.Elapsed} for {what}");
            await Task.Delay(250);
        }
    }
}
