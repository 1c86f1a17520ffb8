using Slipway.Aws.Deployment;
using Slipway.Aws.Ecr;
using Slipway.Aws.Tests.Support;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>
/// A DescribeRepositories answer that leaves out optional members (the model marks them all optional; moto always
/// fills them): the drift says the mutability is unset, and the result carries empty strings, never invented values.
/// </summary>
public sealed class RepositorySparseAnswerTests
{
    [Fact]
    public async Task A_repository_described_without_its_optional_members_reports_unset_drift_and_empty_identifiers()
    {
        var settings = RepositorySettings.FromFile(RepositoryFiles.Deploy("ecr-lifecycle.json"), new Dictionary<string, string>());
        using var server = new ScriptedServer((_, request) => Target(request) switch
        {
            "DescribeRepositories" => new ScriptedResponse(200, """{"repositories":[{"repositoryName":"slipway/api"}]}"""),
            "GetLifecyclePolicy" => new ScriptedResponse(200, $$"""{"repositoryName":"slipway/api","lifecyclePolicyText":{{System.Text.Json.JsonSerializer.Serialize(settings.LifecyclePolicyText)}}}"""),
            var other => ScriptedClients.Error(400, "InvalidParameterException", $"unexpected {other}"),
        });
        using var ecr = new AmazonECRClient(ScriptedClients.Options(server));

        var found = await new RepositoryEnsurer(ecr, new RemoteChanges(false, new RecordingLog())).EnsureAsync("slipway/api", settings, fixDrift: false, CancellationToken.None);

        Assert.Equal(["imageTagMutability is unset, expected IMMUTABLE", "scanOnPush is off, expected on"], found.Drift);
        Assert.Equal(("slipway/api", "", "", "", false), (found.Name, found.Uri, found.RegistryId, found.Arn, found.Created));
    }

    private static string Target(ReceivedRequest request) =>
        request.Headers.FirstOrDefault(h => h.Key.Equals("X-Amz-Target", StringComparison.OrdinalIgnoreCase)).Value?.Split('.')[^1] ?? "";
}
