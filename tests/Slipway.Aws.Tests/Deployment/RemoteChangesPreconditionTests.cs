using Slipway.Aws.Deployment;
using Slipway.Aws.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>Writes wait for the account check that reads may run ahead of; a failed check lets no write through.</summary>
public sealed class RemoteChangesPreconditionTests
{
    [Fact]
    public async Task A_write_is_made_only_once_the_precondition_has_passed()
    {
        var check = new TaskCompletionSource();
        var changes = new RemoteChanges(dryRun: false, new RecordingLog(), check.Task);
        var made = false;

        var write = changes.MakeAsync("ECR CreateRepository api", "missing", () => { made = true; return Task.FromResult(1); });
        await Task.Delay(50);
        Assert.False(made);
        Assert.Empty(changes.Calls);

        check.SetResult();
        Assert.Equal(1, await write);
        Assert.True(made);
        Assert.Equal(["ECR CreateRepository api"], changes.Calls);
    }

    [Fact]
    public async Task A_failed_precondition_is_the_error_and_nothing_is_written_or_listed()
    {
        var changes = new RemoteChanges(dryRun: false, new RecordingLog(), Task.FromException(new InvalidOperationException("wrong account")));
        var made = false;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => changes.MakeAsync("ECS CreateCluster prod", "missing", () => { made = true; return Task.FromResult(1); }));

        Assert.Equal("wrong account", error.Message);
        Assert.False(made);
        Assert.Empty(changes.Calls);
    }
}
