using Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Ecs.TaskDefinitions;

/// <summary>A task-definition file, read: the request that registers it, and what was left out on the way (to print).</summary>
public sealed record TaskDefinitionFileContents(RegisterTaskDefinitionRequest Request, IReadOnlyList<string> Notes);
