using Slipway.Aws.Ecs.Model;
using Slipway.LocalCloud.Scheduling;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Tests;

/// <summary>Where a service's local load balancer listens: its published-port tag, else the container port.</summary>
public sealed class PublishedPortTests
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
    public void Two_services_of_one_template_listen_on_their_own_tagged_ports_and_an_untagged_one_on_the_container_port()
    {
        var tagged = new ServiceRecord { Tags = [new Tag { Key = LaunchSpecification.PublishedPortTag, Value = "18081" }] };

        Assert.Equal(18081, LaunchSpecification.PublishedPort(tagged, Definition));
        Assert.Equal(8080, LaunchSpecification.PublishedPort(new ServiceRecord(), Definition));
    }

    [Theory]
    [InlineData("")]
    [InlineData("http")]
    [InlineData("-1")]
    [InlineData("70000")]
    public void A_tag_that_is_not_a_port_leaves_the_container_port(string value)
    {
        var service = new ServiceRecord { Tags = [new Tag { Key = LaunchSpecification.PublishedPortTag, Value = value }] };

        Assert.Equal(8080, LaunchSpecification.PublishedPort(service, Definition));
    }
}
