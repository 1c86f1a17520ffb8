namespace Slipway.Aws.Ecs.TaskDefinitions;

/// <summary>
/// A task-definition file that cannot be used as it is: not JSON, empty, or not the shape of RegisterTaskDefinition.
/// Each problem names its place in the file (<c>containerDefinitions[1].mountPoint: unknown member; did you mean
/// mountPoints?</c>). A usage error: the build maps it to exit code 2.
/// </summary>
public sealed class TaskDefinitionFileException : Exception
{
    public TaskDefinitionFileException()
        : this("", [])
    {
    }

    public TaskDefinitionFileException(string message)
        : this("", [message])
    {
    }

    public TaskDefinitionFileException(string message, Exception? innerException)
        : base(message, innerException)
    {
        FilePath = "";
        Problems = [message];
    }

    public TaskDefinitionFileException(string filePath, IReadOnlyList<string> problems, Exception? innerException = null)
        : base(Describe(filePath, problems), innerException)
    {
        FilePath = filePath;
        Problems = problems;
    }

    /// <summary>The file as it was named to the loader.</summary>
    public string FilePath { get; }

    /// <summary>Each problem on its own, path first.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(string filePath, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var file = string.IsNullOrEmpty(filePath) ? "task definition" : filePath;
        return problems.Count switch
        {
            0 => $"{file}: not a valid task definition.",
            1 => $"{file}: {problems[0]}",
            _ => $"{file}: {problems.Count} problems:{string.Concat(problems.Select(p => $"{Environment.NewLine}  {p}"))}",
        };
    }
}
