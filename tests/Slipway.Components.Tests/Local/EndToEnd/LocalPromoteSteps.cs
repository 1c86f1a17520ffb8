using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Slipway.Components.Tests.Local.EndToEnd;

/// <summary>
/// The acceptance of Promote, Rollback and Releases on the same clone and local cloud as the deploy steps (no second
/// cold deploy): a second local environment, <c>e2e-qa</c> (its own cluster, repository and published port, protected,
/// promoted from <c>e2e</c>), written into the clone by the first of these steps.
/// </summary>
public sealed partial class LocalDeployTests
{
    private const string Qa = "e2e-qa";

    private static readonly string NeverRan = "sha256:" + new string('0', 64);

    private string QaFile => Path.Combine(Clone.Root, "deploy", "environments", $"{Qa}.json");

    /// <summary>The second environment's published port, as the first step wrote it into its file.</summary>
    private Uri QaUrl
    {
        get
        {
            using var file = JsonDocument.Parse(File.ReadAllText(QaFile));
            return new($"http://127.0.0.1:{file.RootElement.GetProperty("tags").GetProperty("slipway:published-port").GetString()}");
        }
    }

    [Fact, Step(Number = 8)]
    public async Task Promotions_that_break_a_rule_are_refused_with_the_reason_and_change_nothing()
    {
        var qaPort = FreePort();
        var local = await File.ReadAllTextAsync(Path.Combine(Clone.Root, "deploy", "environments", $"{ServiceClone.Environment}.json"));
        using (var e2e = JsonDocument.Parse(local))
        {
            var endpoint = e2e.RootElement.GetProperty("endpoints").GetProperty("ecs").GetString();
            await File.WriteAllTextAsync(QaFile, $$"""
                {
                  "$schema": "../environment.schema.json",
                  "kind": "local",
                  "account": "000000000000",
                  "region": "us-east-1",
                  "cluster": "slipway-e2e-qa",
                  "service": "api",
                  "repository": "slipway/api-qa",
                  "endpoints": { "ecs": "{{endpoint}}", "ecr": "{{endpoint}}", "sts": "{{endpoint}}" },
                  "desiredCount": 1,
                  "launchType": "FARGATE",
                  "variables": { "cpu": "256", "memory": "512", "region": "us-east-1", "executionRoleArn": "arn:aws:iam::000000000000:role/ecsTaskExecutionRole" },
                  "tags": { "slipway:environment": "{{Qa}}", "slipway:published-port": "{{qaPort}}" },
                  "promoteFrom": "{{ServiceClone.Environment}}",
                  "protected": true
                }
                """);
        }

        var up = await BuildAsync(["EnvironmentUp", "--environment", Qa]);
        Assert.True(up.ExitCode == 0, $"EnvironmentUp {Qa}: {up}");
        var running = await RunningDigestAsync("slipway-e2e");

        var wrongSource = await BuildAsync(["Promote", "--from", "local", "--to", Qa, "--yes"]);
        Assert.True(wrongSource.ExitCode == 2, $"a promotion from an environment promoteFrom does not name: {wrongSource}");
        Assert.Contains($"'{Qa}' takes promotions only from '{ServiceClone.Environment}'", wrongSource.Output, StringComparison.Ordinal);

        var unconfirmed = await BuildAsync(["Promote", "--from", ServiceClone.Environment, "--to", Qa]);
        Assert.True(unconfirmed.ExitCode == 2, $"a promotion to a protected environment without confirmation: {unconfirmed}");
        Assert.Contains($"'{Qa}' is protected", unconfirmed.Output, StringComparison.Ordinal);
        Assert.Contains("--yes", unconfirmed.Output, StringComparison.Ordinal);

        var neverRan = await BuildAsync(["Promote", "--from", ServiceClone.Environment, "--to", Qa, "--yes", "--digest", NeverRan]);
        Assert.True(neverRan.ExitCode == 2, $"a promotion of a digest the source never ran: {neverRan}");
        Assert.Contains($"never ran digest {NeverRan}", neverRan.Output, StringComparison.Ordinal);
        Assert.Contains(running, neverRan.Output, StringComparison.Ordinal);

        await AssertQaUntouchedAsync();
    }

    [Fact, Step(Number = 9)]
    public async Task Promote_deploys_the_digest_the_first_environment_runs_to_the_second_without_a_pull_or_a_build()
    {
        var digest = await RunningDigestAsync("slipway-e2e");
        var since = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var promote = await BuildAsync(["Promote", "--from", ServiceClone.Environment, "--to", Qa, "--yes"]);

        var until = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1;
        Assert.True(promote.ExitCode == 0, $"the promotion failed: {promote}");
        Assert.Equal(digest, await RunningDigestAsync("slipway-e2e-qa"));
        Assert.Contains("/slipway/api-qa@" + digest, await RunningImageAsync("slipway-e2e-qa"), StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Contains(await HeadCommitAsync(), await http.GetStringAsync(new Uri(QaUrl, "/version")), StringComparison.Ordinal);

        // The build pulled nothing and built nothing: the only image event of the service's repositories allowed is the
        // local ECS host fetching the task's image by digest from the target repository, as an ECS host does. (The
        // engine is shared with other tests: only events naming our repositories count.)
        var events = await Command.RunAsync("docker", ["events", "--since", since.ToString(CultureInfo.InvariantCulture), "--until", until.ToString(CultureInfo.InvariantCulture), "--filter", "type=image", "--format", "{{.Action}} {{.Actor.ID}}"], "/", Timeout());
        Assert.True(events.ExitCode == 0, $"docker events: {events}");
        var ours = events.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.Contains("slipway/api", StringComparison.Ordinal)).ToList();
        var qaImage = await RunningImageAsync("slipway-e2e-qa");
        Assert.True(ours.TrueForAll(l => l == "pull " + qaImage), "image events during the promotion: " + string.Join("; ", ours));
        Assert.DoesNotContain("DockerBuild", promote.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Compile", promote.Output, StringComparison.Ordinal);
    }

    [Fact, Step(Number = 10)]
    public async Task A_source_that_is_not_steady_is_refused()
    {
        var qaBefore = await RunningDigestAsync("slipway-e2e-qa");
        var forced = await Clone.AwsAsync(["ecs", "update-service", "--cluster", "slipway-e2e", "--service", "api", "--force-new-deployment"], Timeout());
        Assert.True(forced.ExitCode == 0, $"update-service --force-new-deployment: {forced}");

        var refused = await BuildAsync(["Promote", "--from", ServiceClone.Environment, "--to", Qa, "--yes"]);

        Assert.True(refused.ExitCode == 2, $"a promotion from a service still deploying: {refused}");
        Assert.Contains($"'{ServiceClone.Environment}' is not steady", refused.Output, StringComparison.Ordinal);
        Assert.Equal(qaBefore, await RunningDigestAsync("slipway-e2e-qa"));
        var stable = await Clone.AwsAsync(["ecs", "wait", "services-stable", "--cluster", "slipway-e2e", "--services", "api"], Timeout());
        Assert.True(stable.ExitCode == 0, $"aws ecs wait services-stable: {stable}");
    }

    [Fact, Step(Number = 11)]
    public async Task Rollback_after_a_bad_release_returns_to_the_last_good_version_which_answers()
    {
        var good = await HeadCommitAsync();
        var goodDefinition = (await DescribeServiceAsync()).GetProperty("taskDefinition").GetString();
        await Clone.ChangeServiceAsync("app.MapGet(\"/bad\", () => \"a release that should not have shipped\");", "A bad release", Timeout());
        var bad = await Clone.BuildAsync(["Deploy"], Timeout());
        Assert.True(bad.ExitCode == 0, $"the bad release did not deploy: {bad}");
        using var http = new HttpClient();
        Assert.Contains(await HeadCommitAsync(), await http.GetStringAsync(new Uri(Clone.ServiceUrl, "/version")), StringComparison.Ordinal);

        var rollback = await Clone.BuildAsync(["Rollback"], Timeout());

        Assert.True(rollback.ExitCode == 0, $"the rollback failed: {rollback}");
        Assert.Equal(goodDefinition, (await DescribeServiceAsync()).GetProperty("taskDefinition").GetString());
        Assert.Contains(good, await http.GetStringAsync(new Uri(Clone.ServiceUrl, "/version")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(Clone.ServiceUrl, "/bad"))).StatusCode);
    }

    [Fact, Step(Number = 12)]
    public async Task Releases_shows_both_environments_in_a_table_and_in_JSON()
    {
        foreach (var cluster in new[] { "slipway-e2e", "slipway-e2e-qa" })
        {
            var stable = await Clone.AwsAsync(["ecs", "wait", "services-stable", "--cluster", cluster, "--services", "api"], Timeout());
            Assert.True(stable.ExitCode == 0, $"aws ecs wait services-stable ({cluster}): {stable}");
        }

        var e2eDigest = await RunningDigestAsync("slipway-e2e");
        var qaDigest = await RunningDigestAsync("slipway-e2e-qa");

        var table = await BuildAsync(["Releases", "--releases-of", ServiceClone.Environment, Qa]);
        Assert.True(table.ExitCode == 0, $"Releases: {table}");
        Assert.Matches($@"(?m)^{ServiceClone.Environment}\s+\S+\s+[0-9a-f]{{7}}\s+{e2eDigest[..19]}\s", table.Output);
        Assert.Matches($@"(?m)^{Qa}\s+\S+\s+[0-9a-f]{{7}}\s+{qaDigest[..19]}\s", table.Output);
        Assert.Contains("recent history", table.Output, StringComparison.Ordinal);

        var json = await BuildAsync(["Releases", "--releases-of", ServiceClone.Environment, Qa, "--json"]);
        Assert.True(json.ExitCode == 0, $"Releases --json: {json}");
        using var releases = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Clone.Root, "artifacts", "releases.json")));
        Assert.Contains("\"environments\"", json.Output, StringComparison.Ordinal);
        var environments = releases.RootElement.GetProperty("environments").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.Clone());
        Assert.Equal(e2eDigest, environments[ServiceClone.Environment].GetProperty("current").GetProperty("digest").GetString());
        Assert.Equal(qaDigest, environments[Qa].GetProperty("current").GetProperty("digest").GetString());
        Assert.All(environments.Values, e =>
        {
            Assert.Equal("steady", e.GetProperty("state").GetString());
            Assert.NotEqual(JsonValueKind.Null, e.GetProperty("current").GetProperty("since").ValueKind);
            Assert.False(string.IsNullOrEmpty(e.GetProperty("current").GetProperty("by").GetString()));
        });
        Assert.True(environments[ServiceClone.Environment].GetProperty("history").GetArrayLength() >= 2, "the first environment's history lists its earlier releases");
    }

    /// <summary><c>./build.sh</c> in the clone with exactly these arguments (no <c>--environment e2e</c> added).</summary>
    private Task<CommandResult> BuildAsync(IReadOnlyList<string> arguments) =>
        Command.RunAsync(Path.Combine(Clone.Root, "build.sh"), arguments, Clone.Root, Timeout());

    private async Task AssertQaUntouchedAsync()
    {
        var services = await Clone.AwsAsync(["ecs", "describe-services", "--cluster", "slipway-e2e-qa", "--services", "api"], Timeout());
        using (var described = JsonDocument.Parse(services.Output))
        {
            Assert.DoesNotContain(described.RootElement.GetProperty("services").EnumerateArray(), s => s.GetProperty("status").GetString() == "ACTIVE");
        }

        var images = await Clone.AwsAsync(["ecr", "list-images", "--repository-name", "slipway/api-qa"], Timeout());
        using var listed = JsonDocument.Parse(images.Output);
        Assert.Empty(listed.RootElement.GetProperty("imageIds").EnumerateArray());
    }

    private async Task<string> RunningImageAsync(string cluster)
    {
        var service = await Clone.AwsAsync(["ecs", "describe-services", "--cluster", cluster, "--services", "api"], Timeout());
        using var described = JsonDocument.Parse(service.Output);
        var taskDefinition = described.RootElement.GetProperty("services")[0].GetProperty("taskDefinition").GetString()!;
        using var definition = JsonDocument.Parse((await Clone.AwsAsync(["ecs", "describe-task-definition", "--task-definition", taskDefinition], Timeout())).Output);
        return definition.RootElement.GetProperty("taskDefinition").GetProperty("containerDefinitions")[0].GetProperty("image").GetString()!;
    }

    private async Task<string> RunningDigestAsync(string cluster)
    {
        var image = await RunningImageAsync(cluster);
        return image[(image.IndexOf('@', StringComparison.Ordinal) + 1)..];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
