using Slipway.Aws.Ecs.Model;

namespace Slipway.LocalCloud.State;

internal sealed class ClusterRecord
{
    public string Name { get; set; } = "";

    public string Arn { get; set; } = "";

    public string Status { get; set; } = "ACTIVE";

    public DateTime CreatedAt { get; set; }

    public List<Tag> Tags { get; set; } = [];

    public List<ClusterSetting> Settings { get; set; } = [];
}
