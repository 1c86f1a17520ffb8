using Slipway.Workflows;

namespace Slipway.Tests.Workflows;

/// <summary>Every part of the declaration API, from attributes to the YAML GitHub reads.</summary>
public sealed class FullDeclarationTests : IDisposable
{
    private readonly WorkflowTestRepository repository = new();
    private readonly ParsedWorkflow workflow;
    private readonly GeneratedWorkflows generated;

    public FullDeclarationTests()
    {
        repository.Write("env/local.json", "{}");
        repository.Write("env/staging.json", """{ "awsRoleArn": "arn:aws:iam::123456789012:role/slipway-deploy-staging", "region": "eu-west-1" }""");
        repository.Write("env/production.json", "{}");
        generated = GeneratedWorkflows.Generate(new FullBuild(), repository.Root);
        workflow = ParsedWorkflow.Parse(Assert.Single(generated.Files).Content);
    }

    [Fact]
    public void Push_and_pull_request_keep_their_branch_tag_and_path_filters()
    {
        Assert.Equal(["main", "release/*"], workflow.Strings("on", "push", "branches"));
        Assert.Equal(["v*"], workflow.Strings("on", "push", "tags"));
        Assert.Equal(["src/**", "build/**"], workflow.Strings("on", "push", "paths"));
        Assert.Equal(["main"], workflow.Strings("on", "pull_request", "branches"));
        Assert.Equal(["src/**"], workflow.Strings("on", "pull_request", "paths"));
        Assert.Equal("0 6 * * 1", workflow.Text("on", "schedule", 0, "cron"));
    }

    [Fact]
    public void Choice_inputs_take_their_options_from_the_files_minus_the_excluded_ones()
    {
        Assert.Equal(["environment", "note"], workflow.Keys("on", "workflow_dispatch", "inputs"));
        Assert.Equal("choice", workflow.Text("on", "workflow_dispatch", "inputs", "environment", "type"));
        Assert.Equal(["production", "staging"], workflow.Strings("on", "workflow_dispatch", "inputs", "environment", "options"));
        Assert.Equal("staging", workflow.Text("on", "workflow_dispatch", "inputs", "environment", "default"));
        Assert.Equal("true", workflow.Text("on", "workflow_dispatch", "inputs", "environment", "required"));
        Assert.Equal("string", workflow.Text("on", "workflow_dispatch", "inputs", "note", "type"));
        Assert.Equal("false", workflow.Text("on", "workflow_dispatch", "inputs", "note", "required"));
    }

    [Fact]
    public void Jobs_carry_needs_environment_permissions_concurrency_and_timeout()
    {
        Assert.Equal(["test-publish", "deploy", "smoke"], workflow.Keys("jobs"));
        Assert.Equal("read", workflow.Text("permissions", "contents"));
        Assert.Equal("full-${{ github.ref }}", workflow.Text("concurrency", "group"));
        Assert.Equal("true", workflow.Text("concurrency", "cancel-in-progress"));
        Assert.Equal("20", workflow.Text("jobs", "test-publish", "timeout-minutes"));

        Assert.Equal(["test-publish"], workflow.Strings("jobs", "deploy", "needs"));
        Assert.Equal("staging", workflow.Text("jobs", "deploy", "environment"));
        Assert.Equal(["contents", "id-token"], workflow.Keys("jobs", "deploy", "permissions"));
        Assert.Equal("write", workflow.Text("jobs", "deploy", "permissions", "id-token"));
        Assert.Equal("environment-${{ inputs.environment }}", workflow.Text("jobs", "deploy", "concurrency", "group"));
        Assert.Equal("false", workflow.Text("jobs", "deploy", "concurrency", "cancel-in-progress"));
        Assert.Equal("15", workflow.Text("jobs", "deploy", "timeout-minutes"));

        Assert.Equal(["deploy"], workflow.Strings("jobs", "smoke", "needs"));
        Assert.Equal("ubuntu-22.04", workflow.Text("jobs", "smoke", "runs-on"));
        Assert.Equal("Smoke test", workflow.Text("jobs", "smoke", "name"));
        Assert.Null(workflow.Find("jobs", "smoke", "permissions"));
    }

    [Fact]
    public void Parameters_and_secrets_travel_as_variables_never_on_the_command_line()
    {
        var build = workflow.Step("deploy", "./build.sh Deploy --skip Test Publish");
        Assert.NotNull(build);
        Assert.Equal("${{ inputs.environment }}", ParsedWorkflow.Value(build, "env", "SLIPWAY_ENVIRONMENT"));
        Assert.Equal("1.2.3", ParsedWorkflow.Value(build, "env", "SLIPWAY_IMAGE_VERSION"));
        Assert.Equal("${{ secrets.REGISTRY_PASSWORD }}", ParsedWorkflow.Value(build, "env", "SLIPWAY_REGISTRY_PASSWORD"));
        Assert.Equal("${{ secrets.DEPLOY_TOKEN }}", ParsedWorkflow.Value(build, "env", "SLIPWAY_API_TOKEN"));
        Assert.DoesNotContain("${{", ParsedWorkflow.Value(build, "run"));
    }

    [Fact]
    public void Artifacts_go_from_the_job_that_uploads_them_to_the_job_that_needs_them()
    {
        var upload = workflow.Steps("test-publish").Single(s => ParsedWorkflow.Value(s, "with", "name") == "publish");
        Assert.Equal("artifacts/publish", ParsedWorkflow.Value(upload, "with", "path"));
        Assert.Equal("error", ParsedWorkflow.Value(upload, "with", "if-no-files-found")); // another job depends on it
        Assert.Equal("${{ !cancelled() }}", ParsedWorkflow.Value(upload, "if"));
        var reports = workflow.Steps("test-publish").Single(s => ParsedWorkflow.Value(s, "with", "name") == "test-results");
        Assert.Equal("warn", ParsedWorkflow.Value(reports, "with", "if-no-files-found"));

        var steps = workflow.Steps("deploy").Select(s => ParsedWorkflow.Value(s, "uses") ?? ParsedWorkflow.Value(s, "run")).ToList();
        var download = workflow.Step("deploy", "actions/download-artifact");
        Assert.Equal("publish", ParsedWorkflow.Value(download, "with", "name"));
        Assert.Equal("artifacts/publish", ParsedWorkflow.Value(download, "with", "path"));
        Assert.True(
            steps.IndexOf("actions/download-artifact@v4") < steps.IndexOf("./build.sh Deploy --skip Test Publish"),
            "the artifact must be downloaded before the build runs: " + string.Join(", ", steps));
    }

    [Fact]
    public void A_used_action_reads_its_inputs_from_the_repository_files_and_runs_before_the_build()
    {
        var credentials = workflow.Step("deploy", "aws-actions/configure-aws-credentials");
        Assert.Equal("arn:aws:iam::123456789012:role/slipway-deploy-staging", ParsedWorkflow.Value(credentials, "with", "role-to-assume"));
        Assert.Equal("eu-west-1", ParsedWorkflow.Value(credentials, "with", "aws-region"));
        var steps = workflow.Steps("deploy").ToList();
        Assert.True(steps.IndexOf(credentials!) < steps.IndexOf(workflow.Step("deploy", "./build.sh Deploy --skip Test Publish")!));
    }

    [Fact]
    public void Every_job_checks_out_the_history_sets_up_the_pinned_sdk_and_caches_packages()
    {
        foreach (var job in workflow.Keys("jobs"))
        {
            Assert.Equal("0", ParsedWorkflow.Value(workflow.Step(job, "actions/checkout"), "with", "fetch-depth"));
            Assert.Equal("global.json", ParsedWorkflow.Value(workflow.Step(job, "actions/setup-dotnet"), "with", "global-json-file"));
            var cache = workflow.Step(job, "actions/cache");
            Assert.Equal("~/.nuget/packages", ParsedWorkflow.Value(cache, "with", "path"));
            var key = ParsedWorkflow.Value(cache, "with", "key")!;
            Assert.Contains("'global.json'", key, StringComparison.Ordinal);
            Assert.Contains("'**/Directory.Packages.props'", key, StringComparison.Ordinal);
            Assert.Contains("'**/*.csproj'", key, StringComparison.Ordinal);
        }
    }

    [Fact]
    [Trait(TestCategories.Name, TestCategories.Integration)]
    public async Task The_generated_file_passes_actionlint_and_action_validator()
    {
        generated.Write();
        var file = repository.WorkflowFile("full");
        var findings = await WorkflowValidators.ActionlintAsync([file], CancellationToken.None);
        Assert.DoesNotContain(findings, f => !f.IsKnownStaleness);
        // One workflow with two ubuntu-24.04 jobs: exactly the tolerated findings, so the check is really running.
        Assert.Equal(2, findings.Count(f => f.IsKnownStaleness));

        var (exitCode, report) = await WorkflowValidators.ActionValidatorAsync(file, CancellationToken.None);
        Assert.True(exitCode == 0, report);
    }

    public void Dispose() => repository.Dispose();
}
