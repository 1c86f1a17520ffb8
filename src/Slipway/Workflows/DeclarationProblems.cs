namespace Slipway.Workflows;

/// <summary>
/// What is wrong with the workflow declarations, each line naming the attribute: errors stop the generation
/// (exit 2, all of them at once); warnings are logged and the workflows are still written.
/// </summary>
internal sealed class DeclarationProblems
{
    private readonly List<string> errors = [];
    private readonly List<string> warnings = [];

    public IReadOnlyList<string> Warnings => warnings;

    public void Error(string where, string message) => errors.Add($"{where}: {message}");

    public void Warning(string where, string message) => warnings.Add($"{where}: {message}");

    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw new UsageException("The workflow declarations are invalid:" + System.Environment.NewLine
                + string.Join(System.Environment.NewLine, errors.Distinct().Select(e => "  " + e)));
        }
    }
}
