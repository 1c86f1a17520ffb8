using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Ecs.TaskDefinitions;

namespace Slipway.Aws.Deployment.TaskDefinitions;

/// <summary>
/// The deploy's view of the strict task-definition loader (<see cref="TaskDefinitionFile"/>): a file that is not a
/// task definition is a <see cref="DeployConfigurationException"/> (a usage error), and a described revision becomes
/// the request that would register it again.
/// </summary>
public static class TaskDefinitionReader
{
    public static RegisterTaskDefinitionRequest Read(string json, string file)
    {
        try
        {
            return TaskDefinitionFile.Parse(json, file).Request;
        }
        catch (TaskDefinitionFileException e)
        {
            throw new DeployConfigurationException(e.Message, e);
        }
    }

    public static RegisterTaskDefinitionRequest ToRequest(TaskDefinition definition, IList<Tag>? tags) =>
        TaskDefinitionFile.ToRegisterRequest(definition, tags);
}
