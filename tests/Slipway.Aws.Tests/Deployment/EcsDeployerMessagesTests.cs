using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Tests.Support;
using Slipway.Output;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>
/// What EcsDeploy tells users on moto (whose services start no task, so a deployment stays in progress): a deploy
/// forced over another one warns, a rerun of the same release joins its rollout, a dry run names a digest not yet
/// pushed, and a missing template is named with what it should hold. EnvironmentUp's template check renders with a
/// stand-in image and version.
/// </summary>
[Collection(UsesMoto.Name)]
public sealed class EcsDeployerMessagesTests(MotoServer moto)
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public async Task A_deploy_forced_over_a_deployment_in_progress_warns_once_whose_deployment_it_overrides()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var first = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        var second = await env.PutImageAsync(Samples.OtherManifest, "1.1.0");
        var deployed = await env.DeployAsync(env.Request(first));
        env.Proxy.Clear();

        var forced = await env.DeployAsync(env.Request(second, version: "1.1.0") with { Force = true });

        var warning = Assert.Single(env.Log.Lines, l => l.Level == LogLevel.Warning).Message;
        Assert.StartsWith(
            $"--force: deploying although deployment {deployed.Record.DeploymentId} of {ServiceDeployments.FamilyRevision(deployed.Record.TaskDefinitionArn)} (version 1.0.0, commit {Commit}, by tester) is in progress on service '{env.Environment.Service}' since ",
            warning,
            StringComparison.Ordinal);
        Assert.Equal("updated", forced.Record.Action);
        Assert.Equal(["RegisterTaskDefinition", "UpdateService"], env.Proxy.WritingOperations);
    }

    [Fact]
    public async Task A_rerun_of_the_release_still_rolling_out_joins_its_deployment_and_says_so()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var digest = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        var first = await env.DeployAsync(env.Request(digest));
        env.Proxy.Clear();

        var again = await env.DeployAsync(env.Request(digest));

        Assert.Equal(("joined", first.Record.DeploymentId, first.Record.TaskDefinitionArn), (again.Record.Action, again.Record.DeploymentId, again.Record.TaskDefinitionArn));
        Assert.Contains(
            (LogLevel.Information, $"Deployment {first.Record.DeploymentId} of this release ({ServiceDeployments.FamilyRevision(first.Record.TaskDefinitionArn)}, started by an earlier run) is still rolling out: no new deployment, this run waits for it"),
            env.Log.Lines);
        Assert.Empty(env.Proxy.WritingOperations);
    }

    [Fact]
    public async Task A_dry_run_of_a_digest_not_yet_pushed_says_EcrPush_would_push_it_and_changes_nothing()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var digest = "sha256:" + new string('a', 64);
        env.Proxy.Clear();

        var planned = await env.DeployAsync(env.Request(digest) with { DryRun = true });

        Assert.Contains((LogLevel.Information, $"{digest} is not in the repository yet (EcrPush would push it)"), env.Log.Lines);
        Assert.Equal("dry-run", planned.Record.Outcome);
        Assert.Empty(env.Proxy.WritingOperations);
    }

    [Fact]
    public async Task A_missing_template_is_named_with_what_EcsDeploy_reads_from_it_before_anything_is_written()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var digest = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        var missing = Path.Combine(Directory.CreateTempSubdirectory("slipway-notemplate-").FullName, "taskdef.json");
        env.Proxy.Clear();

        var deploying = await Assert.ThrowsAsync<DeployConfigurationException>(() => env.DeployAsync(env.Request(digest) with { TemplateFile = missing }));
        var checking = Assert.Throws<DeployConfigurationException>(() => EcsDeployer.CheckTemplate(env.Environment, missing, _ => null));

        var expected = $"{missing} does not exist: EcsDeploy renders the task definition from it (AWS's task-definition JSON with {{{{image}}}} placeholders).";
        Assert.Equal((expected, expected), (deploying.Message, checking.Message));
        Assert.Empty(env.Proxy.WritingOperations);
    }

    [Fact]
    public void The_template_check_renders_a_stand_in_image_of_the_repository_and_version_0_0_0()
    {
        using var env = new MotoDeployment(moto, ("subnet-1", "sg-1"));
        var environment = env.Environment;

        var rendered = EcsDeployer.CheckTemplate(environment, RepositoryFiles.Deploy("taskdef.json"), _ => null);

        var container = Assert.Single(rendered.ContainerDefinitions!);
        Assert.Equal($"{environment.Repository}@sha256:{new string('0', 64)}", container.Image);
        Assert.Equal(
            [("SLIPWAY_ENVIRONMENT", environment.Name), ("SLIPWAY_VERSION", "0.0.0"), ("SLIPWAY_COMMIT", new string('0', 40))],
            container.Environment!.Select(v => (v.Name, v.Value)));
        Assert.Throws<ArgumentNullException>(() => EcsDeployer.CheckTemplate(null!, RepositoryFiles.Deploy("taskdef.json"), _ => null));
    }
}
