using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Records;
using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Promotion;
using Slipway.Aws.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>
/// Texts users read that the deploy writes from its own records: the summary of a deploy that reused its revision and
/// made no call, the record's file, progress and event lines, a stopped task's reason, and the exceptions' defaults.
/// </summary>
public sealed class DeploymentTextsTests
{
    private static readonly DeploymentRecord NoChange = new()
    {
        Environment = "staging",
        Account = "111111111111",
        Region = "eu-west-1",
        Caller = "arn:aws:sts::111111111111:assumed-role/deploy/ci",
        Cluster = "slipway-staging",
        Service = "api",
        Version = "1.4.0",
        Commit = "0123456",
        Image = "repo@sha256:aa",
        Digest = "sha256:aa",
        TaskDefinitionArn = "arn:aws:ecs:eu-west-1:111111111111:task-definition/slipway-api-staging:7",
        TaskDefinitionReused = true,
        Action = "unchanged",
        DeploymentId = null,
        Outcome = "unchanged",
        Actor = "alice",
        StartedAt = new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero),
        FinishedAt = new DateTimeOffset(2026, 11, 28, 3, 0, 2, TimeSpan.Zero),
    };

    [Fact]
    public void The_summary_of_a_deploy_that_changed_nothing_says_the_revision_was_reused_and_no_call_was_made()
    {
        Assert.Equal(
            "### Deployment to `staging`: unchanged\n\n| | |\n|---|---|\n"
            + "| Account / region | 111111111111 / eu-west-1 |\n"
            + "| Caller | arn:aws:sts::111111111111:assumed-role/deploy/ci |\n"
            + "| Service | slipway-staging/api (unchanged) |\n"
            + "| Version | 1.4.0 (0123456) |\n"
            + "| Image | repo@sha256:aa |\n"
            + "| Task definition | arn:aws:ecs:eu-west-1:111111111111:task-definition/slipway-api-staging:7 (reused) |\n"
            + "| Deployment |  |\n"
            + "| Actor | alice |\n"
            + "| Time | 2026-11-28 03:00:00Z, 2.0 s |\n"
            + "| Writing calls | none |\n",
            NoChange.ToMarkdown());
    }

    [Fact]
    public async Task The_record_of_an_environment_is_its_json_file_and_reading_one_never_written_gives_nothing()
    {
        var root = Directory.CreateTempSubdirectory("slipway-records-").FullName;
        var path = DeploymentRecord.PathFor(root, "staging");

        Assert.Equal(Path.Combine(root, "artifacts", "deployments", "staging.json"), path);
        Assert.Null(await DeploymentRecord.ReadAsync(path, CancellationToken.None));
        await NoChange.WriteAsync(path, CancellationToken.None);
        Assert.Equal(NoChange with { WritingCalls = [] }, (await DeploymentRecord.ReadAsync(path, CancellationToken.None))! with { WritingCalls = [] });
    }

    [Fact]
    public void A_progress_line_lists_the_other_deployments_after_ours_separated_by_bars()
    {
        var progress = new DeploymentProgress("ecs-svc/2 PRIMARY IN_PROGRESS api:7: 1/2 running, 1 pending", ["ecs-svc/1 ACTIVE COMPLETED api:6: 2/2 running, 0 pending", "ecs-svc/0 ACTIVE api:5: 0/0 running, 0 pending"], TimeSpan.FromSeconds(65));

        Assert.Equal(
            "ecs-svc/2 PRIMARY IN_PROGRESS api:7: 1/2 running, 1 pending | ecs-svc/1 ACTIVE COMPLETED api:6: 2/2 running, 0 pending | ecs-svc/0 ACTIVE api:5: 0/0 running, 0 pending (1:05)",
            progress.ToString());
    }

    [Fact]
    public void An_event_without_a_time_is_logged_with_dashes_in_place_of_its_time()
    {
        var log = new RecordingLog();

        new LogDeploymentObserver(log).ServiceEvent(new ServiceEvent { Id = "1", Message = "(service api) has reached a steady state." });

        Assert.Equal(["[--:--:--] (service api) has reached a steady state."], log.Lines.Select(l => l.Message));
    }

    [Fact]
    public void A_task_stopped_without_a_stop_code_says_none()
    {
        var reason = new StoppedTaskReason(null, "api", 1, null, "Essential container in task exited");

        Assert.Equal("stop code none, container 'api' exit code 1, reason \"Essential container in task exited\"", reason.ToString());
    }

    [Fact]
    public void Each_exception_made_without_a_message_says_what_went_wrong()
    {
        Assert.Equal(
            ["The deployment failed.", "The deployment timed out.", "The deployment is not configured correctly.", "Another deployment is in progress.", "The promotion was refused."],
            new Exception[] { new DeploymentFailedException(), new DeploymentTimeoutException(), new DeployConfigurationException(), new DeploymentInProgressException(), new PromotionRefusedException() }.Select(e => e.Message));
    }
}
