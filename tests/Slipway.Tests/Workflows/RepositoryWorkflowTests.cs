using System.Diagnostics;
using System.Text.Json;

namespace Slipway.Tests.Workflows;

/// <summary>The workflows committed in this repository's <c>.github/workflows</c>: current, valid, and shaped as
/// the pipeline needs them.</summary>
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class RepositoryWorkflowTests
{
    private static readonly string Root = RepositoryRoot.Find();

    private static string WorkflowDirectory => Path.Combine(Root, ".github", "workflows");

    [Fact]
    public async Task The_committed_workflows_are_exactly_what_the_build_generates()
    {
        var start = new ProcessStartInfo(Path.Combine(Root, "build.sh")) { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--check-generated");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = TestTimeouts.Start(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"./build.sh --check-generated exited {process.ExitCode}:\n{await output}\n{await error}");
        foreach (var workflow in new[] { "ci", "deploy", "mutation", "promote", "release" })
        {
            Assert.Contains($"up to date: .github/workflows/{workflow}.yml", await output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_committed_workflow_passes_actionlint_and_action_validator()
    {
        var files = Directory.GetFiles(WorkflowDirectory, "*.yml").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["ci.yml", "deploy.yml", "mutation.yml", "promote.yml", "release.yml"], files.Select(Path.GetFileName));
        var findings = await WorkflowValidators.ActionlintAsync(files, CancellationToken.None);
        Assert.DoesNotContain(findings, f => !f.IsKnownStaleness);
        foreach (var file in files)
        {
            ParsedWorkflow.Parse(await File.ReadAllTextAsync(file));
            var (exitCode, report) = await WorkflowValidators.ActionValidatorAsync(file, CancellationToken.None);
            Assert.True(exitCode == 0, $"{Path.GetFileName(file)}: {report}");
        }
    }

    [Fact]
    public void Ci_tests_every_pull_request_and_push_and_keeps_the_results()
    {
        var ci = Load("ci");
        Assert.Equal(["push", "pull_request"], ci.Keys("on"));
        Assert.Equal(["main"], ci.Strings("on", "push", "branches"));
        Assert.Equal(["contents"], ci.Keys("permissions"));
        Assert.Equal("read", ci.Text("permissions", "contents"));
        Assert.Equal(["test"], ci.Keys("jobs"));
        Assert.Equal("0", ParsedWorkflow.Value(ci.Step("test", "actions/checkout"), "with", "fetch-depth"));
        Assert.Equal("global.json", ParsedWorkflow.Value(ci.Step("test", "actions/setup-dotnet"), "with", "global-json-file"));
        Assert.StartsWith("nuget-${{ runner.os }}-${{ hashFiles('global.json', '**/Directory.Packages.props'", ParsedWorkflow.Value(ci.Step("test", "actions/cache"), "with", "key"), StringComparison.Ordinal);
        Assert.NotNull(ci.Step("test", "./build.sh Test"));
        var upload = ci.Step("test", "actions/upload-artifact");
        Assert.Equal("artifacts/test-results", ParsedWorkflow.Value(upload, "with", "path"));
        Assert.Equal("${{ !cancelled() }}", ParsedWorkflow.Value(upload, "if")); // failed tests are the ones worth reading
    }

    [Fact]
    public void Deploy_tests_then_deploys_to_staging_with_oidc_one_deployment_at_a_time()
    {
        var deploy = Load("deploy");
        Assert.Equal(["push"], deploy.Keys("on"));
        Assert.Equal(["main"], deploy.Strings("on", "push", "branches"));
        Assert.Equal(["test-publish", "deploy-staging"], deploy.Keys("jobs"));
        Assert.NotNull(deploy.Step("test-publish", "./build.sh Test Publish"));

        Assert.Equal(["test-publish"], deploy.Strings("jobs", "deploy-staging", "needs"));
        Assert.Equal("staging", deploy.Text("jobs", "deploy-staging", "environment"));
        Assert.Equal("write", deploy.Text("jobs", "deploy-staging", "permissions", "id-token"));
        Assert.Equal("read", deploy.Text("jobs", "deploy-staging", "permissions", "contents"));
        Assert.Equal("environment-staging", deploy.Text("jobs", "deploy-staging", "concurrency", "group"));
        Assert.Equal("false", deploy.Text("jobs", "deploy-staging", "concurrency", "cancel-in-progress"));
        Assert.Equal("publish", ParsedWorkflow.Value(deploy.Step("deploy-staging", "actions/download-artifact"), "with", "name"));
        var build = deploy.Step("deploy-staging", "./build.sh Deploy --skip Test Publish");
        Assert.Equal("staging", ParsedWorkflow.Value(build, "env", "SLIPWAY_ENVIRONMENT"));
        AssertCredentialsFromEnvironmentFile(deploy, "deploy-staging", "staging");
    }

    [Fact]
    public void Release_tests_then_packs_and_pushes_to_nuget_org_on_a_version_tag_with_the_key_from_secrets()
    {
        var release = Load("release");
        Assert.Equal(["push"], release.Keys("on"));
        Assert.Equal(["v*"], release.Strings("on", "push", "tags"));
        Assert.Equal(["release"], release.Keys("jobs"));
        Assert.Equal("read", release.Text("permissions", "contents"));
        var run = release.Step("release", "./build.sh Test PushPackages");
        Assert.NotNull(run);
        Assert.Equal("https://api.nuget.org/v3/index.json", ParsedWorkflow.Value(run, "env", "SLIPWAY_PACKAGE_FEED"));
        Assert.Equal("${{ secrets.NUGET_API_KEY }}", ParsedWorkflow.Value(run, "env", "SLIPWAY_PACKAGE_FEED_API_KEY"));
        Assert.Equal("artifacts/packages", ParsedWorkflow.Value(release.Step("release", "actions/upload-artifact"), "with", "path"));
    }

    [Fact]
    public void Mutation_runs_weekly_or_by_hand_and_keeps_the_reports_even_when_a_score_is_too_low()
    {
        var mutation = Load("mutation");
        Assert.Equal(["schedule", "workflow_dispatch"], mutation.Keys("on").Order(StringComparer.Ordinal));
        Assert.Equal("0 3 * * 1", mutation.Text("on", "schedule", 0, "cron"));
        Assert.Equal(["mutate"], mutation.Keys("jobs"));
        Assert.Equal("read", mutation.Text("permissions", "contents"));
        Assert.NotNull(mutation.Step("mutate", "./build.sh Mutate"));
        var upload = mutation.Step("mutate", "actions/upload-artifact");
        Assert.Equal("artifacts/mutation", ParsedWorkflow.Value(upload, "with", "path"));
        Assert.Equal("${{ !cancelled() }}", ParsedWorkflow.Value(upload, "if"));
    }

    [Fact]
    public void Promote_is_dispatched_by_hand_with_choices_from_the_environment_files_and_runs_in_production()
    {
        var promote = Load("promote");
        Assert.Equal(["workflow_dispatch"], promote.Keys("on"));
        Assert.Equal(["version", "digest", "source", "target"], promote.Keys("on", "workflow_dispatch", "inputs"));
        Assert.Equal("string", promote.Text("on", "workflow_dispatch", "inputs", "version", "type"));
        Assert.Equal("string", promote.Text("on", "workflow_dispatch", "inputs", "digest", "type"));
        var environments = EnvironmentNames();
        foreach (var (input, fallback) in new[] { ("source", "staging"), ("target", "production") })
        {
            Assert.Equal("choice", promote.Text("on", "workflow_dispatch", "inputs", input, "type"));
            Assert.Equal(environments.Count > 0 ? environments : [fallback], promote.Strings("on", "workflow_dispatch", "inputs", input, "options"));
            Assert.Equal(fallback, promote.Text("on", "workflow_dispatch", "inputs", input, "default"));
        }

        Assert.Equal(["promote"], promote.Keys("jobs"));
        Assert.Equal("production", promote.Text("jobs", "promote", "environment"));
        Assert.Equal("write", promote.Text("jobs", "promote", "permissions", "id-token"));
        Assert.Equal("environment-${{ inputs.target }}", promote.Text("jobs", "promote", "concurrency", "group"));
        Assert.Equal("false", promote.Text("jobs", "promote", "concurrency", "cancel-in-progress"));
        var build = promote.Step("promote", "./build.sh Promote");
        Assert.Equal("${{ inputs.source }}", ParsedWorkflow.Value(build, "env", "SLIPWAY_FROM"));
        Assert.Equal("${{ inputs.target }}", ParsedWorkflow.Value(build, "env", "SLIPWAY_TO"));
        Assert.Equal("${{ inputs.version }}", ParsedWorkflow.Value(build, "env", "SLIPWAY_VERSION"));
        Assert.Equal("${{ inputs.digest }}", ParsedWorkflow.Value(build, "env", "SLIPWAY_DIGEST"));
        AssertCredentialsFromEnvironmentFile(promote, "promote", "production");
    }

    /// <summary>The role comes from the environment file; until the file has one, a placeholder names the field
    /// and the file, so nobody mistakes it for a real role.</summary>
    private static void AssertCredentialsFromEnvironmentFile(ParsedWorkflow workflow, string job, string environment)
    {
        var credentials = workflow.Step(job, "aws-actions/configure-aws-credentials");
        Assert.NotNull(credentials);
        var file = Path.Combine(Root, "deploy", "environments", environment + ".json");
        using var document = File.Exists(file) ? JsonDocument.Parse(File.ReadAllText(file)) : null;
        var role = document?.RootElement.TryGetProperty("awsRoleArn", out var value) == true ? value.GetString() : null;
        Assert.Equal(role ?? $"SET-awsRoleArn-IN-deploy/environments/{environment}.json", ParsedWorkflow.Value(credentials, "with", "role-to-assume"));
        var steps = workflow.Steps(job).ToList();
        Assert.True(steps.IndexOf(credentials) < steps.FindIndex(s => ParsedWorkflow.Value(s, "run")?.StartsWith("./build.sh", StringComparison.Ordinal) == true));
    }

    private static List<string> EnvironmentNames()
    {
        var directory = Path.Combine(Root, "deploy", "environments");
        return Directory.Exists(directory)
            ? [.. Directory.GetFiles(directory, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(n => n != "local").Order(StringComparer.Ordinal)]
            : [];
    }

    private static ParsedWorkflow Load(string name) => ParsedWorkflow.Parse(File.ReadAllText(Path.Combine(WorkflowDirectory, name + ".yml")));
}
