using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using Slipway.Components.Local;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Components.Tests;

/// <summary>
/// The address LocalServiceAddress prints after a local deploy: the port the local load balancer really listens on,
/// which is the service's <c>slipway:published-port</c> tag when it has one (a second local environment), not the
/// container port of the template both environments share.
/// </summary>
public sealed class LocalServiceAddressTests
{
    private static readonly TaskDefinition Definition = new()
    {
        ContainerDefinitions =
        [
            new ContainerDefinition { Name = "sidecar", Essential = false, PortMappings = [new PortMapping { ContainerPort = 9000 }] },
            new ContainerDefinition { Name = "api", PortMappings = [new PortMapping { ContainerPort = 8080 }] },
        ],
    };

    [Fact]
    public void The_published_port_tag_is_where_the_service_answers()
    {
        var address = LocalServiceAddress.Of([new Tag { Key = "slipway:environment", Value = "qa" }, new Tag { Key = "slipway:published-port", Value = "18081" }], Definition);

        Assert.Equal(new Uri("http://127.0.0.1:18081"), address);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("http")]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-5")]
    public void Without_a_usable_tag_it_is_the_first_essential_containers_port(string? tagValue)
    {
        Tag[]? tags = tagValue is null ? null : [new Tag { Key = "slipway:published-port", Value = tagValue }];

        Assert.Equal(new Uri("http://127.0.0.1:8080"), LocalServiceAddress.Of(tags, Definition));
    }

    [Fact]
    public void A_service_that_maps_no_port_has_no_address()
    {
        var definition = new TaskDefinition { ContainerDefinitions = [new ContainerDefinition { Name = "worker" }] };

        Assert.Null(LocalServiceAddress.Of([], definition));
        Assert.Null(LocalServiceAddress.Of([], null));
    }

    /// <summary>Against a real ECS API (moto): the tags come back only when DescribeServices asks for them.</summary>
    [Trait(TestCategories.Name, TestCategories.Integration)]
    [Collection(UsesMoto.Name)]
    public sealed class AgainstMoto(MotoServer moto)
    {
        [Fact]
        public async Task The_tag_the_service_was_created_with_is_read_back()
        {
            using var timeout = TestTimeouts.Start();
            using var ecs = moto.Ecs();
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var cluster = $"address-{suffix}";
            await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster }, timeout.Token);
            var registered = await ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest
            {
                Family = $"address-{suffix}",
                ContainerDefinitions = [new ContainerDefinition { Name = "api", Image = "example/api:1", Memory = 128, PortMappings = [new PortMapping { ContainerPort = 8080 }] }],
            }, timeout.Token);
            await ecs.CreateServiceAsync(new CreateServiceRequest
            {
                Cluster = cluster,
                ServiceName = "tagged",
                TaskDefinition = registered.TaskDefinition!.TaskDefinitionArn,
                DesiredCount = 0,
                Tags = [new Tag { Key = "slipway:published-port", Value = "18123" }],
            }, timeout.Token);
            await ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = cluster, ServiceName = "untagged", TaskDefinition = registered.TaskDefinition!.TaskDefinitionArn, DesiredCount = 0 }, timeout.Token);

            Assert.Equal(new Uri("http://127.0.0.1:18123"), await LocalServiceAddress.FindAsync(ecs, cluster, "tagged", timeout.Token));
            Assert.Equal(new Uri("http://127.0.0.1:8080"), await LocalServiceAddress.FindAsync(ecs, cluster, "untagged", timeout.Token));
            Assert.Null(await LocalServiceAddress.FindAsync(ecs, cluster, "missing", timeout.Token));
        }
    }
}
