using System.Text.Json.Nodes;
using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using Slipway.Output;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>
/// On moto with running services: a redeploy of the same release whose environment changed the service's settings
/// updates the service, saying which settings differ; and a capacity-provider strategy reaches ECS entry by entry.
/// </summary>
[Collection(UsesRunningServicesMoto.Name)]
public sealed class ServiceDifferencesTests(RunningServicesMoto moto)
{
    [Fact]
    public async Task A_changed_desired_count_and_network_update_the_service_and_the_log_says_which_settings_differ()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var digest = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        await env.DeployAsync(env.Request(digest, wait: WaitMode.Deployed));
        var network = env.Environment.NetworkConfiguration!.AwsvpcConfiguration!;
        env.Environment = env.Environment with
        {
            DesiredCount = 2,
            NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = network.Subnets, SecurityGroups = network.SecurityGroups, AssignPublicIp = "ENABLED" } },
        };
        env.Proxy.Clear();

        var updated = await env.DeployAsync(env.Request(digest));

        Assert.Equal(("updated", true), (updated.Record.Action, updated.Record.TaskDefinitionReused));
        Assert.Equal(["UpdateService"], env.Proxy.WritingOperations);
        Assert.Contains((LogLevel.Information, $"ECS UpdateService {env.Environment.Service}: desired count 1 → 2, network configuration"), env.Log.Lines);
        var service = (await env.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = env.Environment.Cluster, Services = [env.Environment.Service] })).Services![0];
        Assert.Equal(2, service.DesiredCount);
    }

    [Fact]
    public async Task A_capacity_provider_strategy_is_sent_with_each_entrys_provider_weight_and_base()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var digest = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        env.Environment = env.Environment with
        {
            LaunchType = null,
            CapacityProviderStrategy =
            [
                new CapacityProviderStrategyEntry { CapacityProvider = "FARGATE", Weight = 1, Base = 1 },
                new CapacityProviderStrategyEntry { CapacityProvider = "FARGATE_SPOT", Weight = 3 },
            ],
        };
        env.Proxy.Clear();

        await env.DeployAsync(env.Request(digest));

        var sent = JsonNode.Parse(env.Proxy.LastBody("CreateService"))!["capacityProviderStrategy"]!;
        Assert.Equal("""[{"capacityProvider":"FARGATE","weight":1,"base":1},{"capacityProvider":"FARGATE_SPOT","weight":3}]""", sent.ToJsonString());
    }
}
