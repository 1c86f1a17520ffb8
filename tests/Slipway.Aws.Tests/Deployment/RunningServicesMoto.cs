using Slipway.Aws.Tests.Support;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>A moto_server whose services report their desired tasks as running (MOTO_ECS_SERVICE_RUNNING).</summary>
public sealed class RunningServicesMoto : MotoServer
{
    protected override IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string> { ["MOTO_ECS_SERVICE_RUNNING"] = "1" };
}

[CollectionDefinition(Name)]
public sealed class UsesRunningServicesMoto : ICollectionFixture<RunningServicesMoto>
{
    public const string Name = "moto with running services";
}
