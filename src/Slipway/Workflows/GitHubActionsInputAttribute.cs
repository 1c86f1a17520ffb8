namespace Slipway.Workflows;

/// <summary>
/// An input of a manually dispatched workflow. With <see cref="Options"/> or <see cref="OptionsFromFiles"/> it is
/// a choice; jobs read it as <c>${{ inputs.name }}</c>, typically in their <c>Parameters</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class GitHubActionsInputAttribute : Attribute
{
    public GitHubActionsInputAttribute(string workflow, string name)
    {
        Workflow = workflow;
        Name = name;
    }

    public string Workflow { get; }

    public string Name { get; }

    public string? Description { get; set; }

    public bool Required { get; set; }

    public string? Default { get; set; }

    /// <summary>The choices, in order.</summary>
    public string[] Options { get; set; } = [];

    /// <summary>A file pattern relative to the repository (<c>deploy/environments/*.json</c>) whose file names,
    /// without extension, become choices: adding a file adds a choice at the next generation.</summary>
    public string? OptionsFromFiles { get; set; }

    /// <summary>Choices never offered, even when a file has their name (<c>local</c>).</summary>
    public string[] ExcludedOptions { get; set; } = [];
}
