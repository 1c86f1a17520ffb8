using Slipway.Aws.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Components.Tests.Deployment;

/// <summary>
/// Bad inputs to the deploy, each through the components against a real moto_server: a clear message, the documented
/// exit code, and no writing call on the server. Plain moto leaves a created service's deployment IN_PROGRESS, which
/// is what the lock case needs.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Integration)]
[Collection(UsesMoto.Name)]
public sealed class DeployBadInputTests(MotoServer moto) : IAsyncLifetime
{
    private DeployRepository repository = null!;

    public async Task InitializeAsync() => repository = await DeployRepository.CreateAsync(moto);

    public async Task DisposeAsync() => await repository.DisposeAsync();

    [Fact]
    public async Task Each_bad_input_says_what_is_wrong_exits_with_its_code_and_changes_nothing()
    {
        using var timeout = TestTimeouts.Start(TimeSpan.FromMinutes(4));
        var proxy = repository.Proxy;

        var unknown = await repository.RunAsync(timeout.Token, "Deploy", "--environment", "mot");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--environment: 'mot' is not an allowed value. Did you mean 'moto'?", unknown.Error, StringComparison.Ordinal);

        var noImage = await repository.RunAsync(timeout.Token, "EcrPush", "--environment", "moto", "--skip", "EnvironmentUp");
        Assert.Equal(2, noImage.ExitCode);
        Assert.Contains("No image has been built yet", noImage.Output, StringComparison.Ordinal);

        // EnvironmentUp checks first what EcrPush would refuse: no repository or cluster for a push that cannot happen.
        var noImageAfterEnvironmentUp = await repository.RunAsync(timeout.Token, "EnvironmentUp", "EcrPush", "--environment", "moto", "--skip");
        Assert.Equal(2, noImageAfterEnvironmentUp.ExitCode);
        Assert.Contains("No image has been built yet", noImageAfterEnvironmentUp.Output, StringComparison.Ordinal);

        await repository.WriteEnvironmentAsync(account: "111111111111");
        var wrongAccount = await repository.RunAsync(timeout.Token, "Deploy", "--environment", "moto");
        Assert.Equal(2, wrongAccount.ExitCode);
        Assert.Contains("belong to account 123456789012", wrongAccount.Output, StringComparison.Ordinal);
        Assert.Contains("lives in account 111111111111", wrongAccount.Output, StringComparison.Ordinal);

        await repository.WriteEnvironmentAsync(sts: $"http://127.0.0.1:{FreePort.Next()}");
        var unreachable = await repository.RunAsync(timeout.Token, "Deploy", "--environment", "moto");
        Assert.Equal(1, unreachable.ExitCode);
        Assert.Contains("STS could not be reached at http://127.0.0.1:", unreachable.Output, StringComparison.Ordinal);

        repository.EnvironmentFile.WriteAllText(File.ReadAllText(repository.EnvironmentFile).Replace("\"desiredCount\": 1", "\"desiredCount\": \"one\"", StringComparison.Ordinal));
        var malformed = await repository.RunAsync(timeout.Token, "Deploy", "--environment", "moto");
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("moto.json:", malformed.Output + malformed.Error, StringComparison.Ordinal);
        Assert.Contains("'desiredCount' must be a whole number.", malformed.Output + malformed.Error, StringComparison.Ordinal);

        Assert.Empty(proxy.WritingOperations);

        // A template with an unknown placeholder stops the deploy before AWS is touched: EnvironmentUp renders it before it
        // makes the repository, so nothing is left half done.
        await repository.WriteEnvironmentAsync();
        await repository.BuildImageAsync("1.0.0", "first", "abc1234");
        var template = repository.Root / "deploy" / "taskdef.json";
        var original = File.ReadAllText(template);
        template.WriteAllText(original.Replace("{{commit}}", "{{comit}}", StringComparison.Ordinal));
        var badTemplate = await repository.RunAsync(timeout.Token, "Deploy", "--environment", "moto");
        Assert.Equal(2, badTemplate.ExitCode);
        Assert.Contains("taskdef.json:", badTemplate.Output, StringComparison.Ordinal);
        Assert.Contains("unknown placeholder '{{comit}}'. Did you mean 'commit'?", badTemplate.Output, StringComparison.Ordinal);
        Assert.Empty(proxy.WritingOperations);

        // The image pushed (a good template), then EcsDeploy alone with a misspelt member.
        template.WriteAllText(original);
        var push = await repository.RunAsync(timeout.Token, "EcrPush", "--environment", "moto");
        Assert.True(push.ExitCode == 0, push.Output + push.Error);
        template.WriteAllText(original.Replace("\"stopTimeout\"", "\"stopTimeOut\"", StringComparison.Ordinal));
        var unknownMember = await repository.RunAsync(timeout.Token, "EcsDeploy", "--environment", "moto", "--skip", "EcrPush", "EnvironmentUp");
        Assert.Equal(2, unknownMember.ExitCode);
        Assert.Contains("taskdef.json: containerDefinitions[0].stopTimeOut", unknownMember.Output, StringComparison.Ordinal);

        // The image is pushed but the digest EcsDeploy is given is not in the repository.
        template.WriteAllText(original);
        var record = repository.Root / "artifacts" / "image.json";
        var pushed = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(record))!;
        pushed["digest"] = $"sha256:{new string('1', 64)}";
        record.WriteAllText(pushed.ToJsonString());
        proxy.Clear();
        var notInRepository = await repository.RunAsync(timeout.Token, "EcsDeploy", "--environment", "moto", "--wait", "none", "--skip", "EcrPush", "EnvironmentUp");
        Assert.Equal(2, notInRepository.ExitCode);
        Assert.Contains($"The image sha256:{new string('1', 64)} is not in the ECR repository", notInRepository.Output, StringComparison.Ordinal);
        Assert.Empty(proxy.WritingOperations);

        // A deploy while another one is in progress (moto never completes the first) is refused, whose and since when.
        template.WriteAllText(original);
        var first = await repository.RunAsync(timeout.Token, "Deploy", "--environment", "moto", "--wait", "none");
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        await repository.BuildImageAsync("1.1.0", "second", "def5678");
        proxy.Clear();
        var locked = await repository.RunAsync(timeout.Token, "EcsDeploy", "--environment", "moto", "--wait", "none", "--skip", "EnvironmentUp");
        Assert.Equal(22, locked.ExitCode);
        Assert.Contains("is in progress on service", locked.Output, StringComparison.Ordinal);
        Assert.Contains("pass --force", locked.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(proxy.WritingOperations, o => o is "RegisterTaskDefinition" or "CreateService" or "UpdateService");

        foreach (var run in new[] { unknown, noImage, noImageAfterEnvironmentUp, wrongAccount, unreachable, malformed, badTemplate, unknownMember, notInRepository, first, locked })
        {
            Assert.DoesNotContain(DeployRepository.SecretKey, run.Output + run.Error, StringComparison.Ordinal);
        }
    }
}
