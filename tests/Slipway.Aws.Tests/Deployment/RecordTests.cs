using Slipway.Aws.Deployment.Records;
using Slipway.Aws.Deployment.TaskDefinitions;
using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Deployment;

public sealed class RecordTests
{
    private static readonly DeploymentRecord Record = new()
    {
        Environment = "staging",
        Account = "111111111111",
        Region = "eu-west-1",
        Caller = "arn:aws:sts::111111111111:assumed-role/deploy/ci",
        Cluster = "slipway-staging",
        Service = "api",
        Version = "1.4.0",
        Commit = "0123456789abcdef0123456789abcdef01234567",
        Image = "111111111111.dkr.ecr.eu-west-1.amazonaws.com/slipway/api@sha256:" + new string('a', 64),
        Digest = "sha256:" + new string('a', 64),
        TaskDefinitionArn = "arn:aws:ecs:eu-west-1:111111111111:task-definition/slipway-api-staging:7",
        Action = "updated",
        DeploymentId = "ecs-svc/4711093823456789012",
        Outcome = "succeeded",
        Actor = "alice",
        StartedAt = new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero),
        FinishedAt = new DateTimeOffset(2026, 11, 28, 3, 1, 30, TimeSpan.Zero),
        WritingCalls = ["ECS RegisterTaskDefinition slipway-api-staging", "ECS UpdateService api"],
    };

    [Fact]
    public async Task A_record_round_trips_through_its_file()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("slipway-record-").FullName, "deployments", "staging.json");

        await Record.WriteAsync(path, CancellationToken.None);
        var read = await DeploymentRecord.ReadAsync(path, CancellationToken.None);

        Assert.Equal(Record with { WritingCalls = [] }, read! with { WritingCalls = [] });
        Assert.Equal(Record.WritingCalls, read.WritingCalls);
        Assert.Contains("\"taskDefinitionArn\": \"arn:aws:ecs:eu-west-1:111111111111:task-definition/slipway-api-staging:7\"", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_names_account_region_caller_and_what_was_deployed()
    {
        var markdown = Record.ToMarkdown();

        Assert.StartsWith("### Deployment to `staging`: succeeded", markdown, StringComparison.Ordinal);
        Assert.Contains("| Account / region | 111111111111 / eu-west-1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Caller | arn:aws:sts::111111111111:assumed-role/deploy/ci |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Time | 2026-11-28 03:00:00Z, 90.0 s |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Deployment_tags_round_trip_and_a_revision_without_them_was_not_deployed_by_Slipway()
    {
        var tags = new DeploymentTags("1.4.0", "abc", "sha256:00", "staging", "alice");

        Assert.Equal(tags, DeploymentTags.From(tags.ToTags()));
        Assert.Null(DeploymentTags.From([new Tag { Key = "team", Value = "x" }]));
    }

    [Fact]
    public void Plain_lines_repeat_the_counts_only_when_they_change()
    {
        var log = new RecordingLog();
        var observer = new LogDeploymentObserver(log);

        observer.Progress(new DeploymentProgress("ecs-svc/1 PRIMARY IN_PROGRESS api:7: 0/2 running, 0 pending", [], TimeSpan.FromSeconds(5)));
        observer.Progress(new DeploymentProgress("ecs-svc/1 PRIMARY IN_PROGRESS api:7: 0/2 running, 0 pending", [], TimeSpan.FromSeconds(10)));
        observer.Progress(new DeploymentProgress("ecs-svc/1 PRIMARY IN_PROGRESS api:7: 1/2 running, 0 pending", [], TimeSpan.FromSeconds(15)));
        observer.ServiceEvent(new ServiceEvent { Id = "1", CreatedAt = new DateTime(2026, 11, 28, 3, 0, 3, DateTimeKind.Utc), Message = "(service api) has started 1 tasks: (task a)." });

        Assert.Equal(
        [
            "ecs-svc/1 PRIMARY IN_PROGRESS api:7: 0/2 running, 0 pending (0:05)",
            "ecs-svc/1 PRIMARY IN_PROGRESS api:7: 1/2 running, 0 pending (0:15)",
            "[03:00:03] (service api) has started 1 tasks: (task a).",
        ], log.Lines.Select(l => l.Message));
    }
}
