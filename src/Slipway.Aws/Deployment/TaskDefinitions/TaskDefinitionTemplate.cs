using System.Text.Json;
using System.Text.RegularExpressions;
using Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Deployment.TaskDefinitions;

/// <summary>
/// <c>deploy/taskdef.json</c> rendered for one deploy. Placeholders sit inside JSON strings: <c>{{image}}</c>,
/// <c>{{version}}</c>, <c>{{commit}}</c>, <c>{{environment}}</c>, <c>{{var:NAME}}</c>, <c>{{env:NAME}}</c>. The template
/// is checked as a task definition before anything is substituted, so a misspelt member is reported where it is
/// written; every unknown or unresolved placeholder is reported with its line and column, all at once.
/// </summary>
public static partial class TaskDefinitionTemplate
{
    private static readonly string[] Names = ["image", "version", "commit", "environment", "var:NAME", "env:NAME"];

    public static RegisterTaskDefinitionRequest Render(string templateText, string file, TemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(templateText);
        ArgumentNullException.ThrowIfNull(values);
        if (!PinnedImage().IsMatch(values.Image))
        {
            throw new ArgumentException($"the image must be pinned by digest (repository@sha256:<64 hex>), not '{values.Image}'", nameof(values));
        }

        // Members and syntax first, on the template as written (placeholders sit in strings, so it is JSON already).
        TaskDefinitionReader.Read(templateText, file);

        var problems = new List<string>();
        var rendered = Placeholder().Replace(templateText, match =>
        {
            var (line, column) = Position(templateText, match.Index);
            var value = Resolve(match.Groups["name"].Value.Trim(), values, out var problem);
            if (problem is not null)
            {
                problems.Add($"{file}:{line}:{column}: {problem}");
                return match.Value;
            }

            // Inside a JSON string: escape as JSON does, without the quotes.
            var encoded = JsonSerializer.Serialize(value);
            return encoded[1..^1];
        });
        if (problems.Count > 0)
        {
            throw new DeployConfigurationException(string.Join(Environment.NewLine, problems));
        }

        var request = TaskDefinitionReader.Read(rendered, file);
        if (request.ContainerDefinitions is not { Count: > 0 })
        {
            throw new DeployConfigurationException($"{file}: 'containerDefinitions' is empty: a task definition needs at least one container.");
        }

        if (string.IsNullOrWhiteSpace(request.Family))
        {
            throw new DeployConfigurationException($"{file}: 'family' is missing: name the task definition family, e.g. \"api-{{{{environment}}}}\".");
        }

        if (!request.ContainerDefinitions.Any(c => c.Image == values.Image))
        {
            throw new DeployConfigurationException($"{file}: no container's 'image' is \"{{{{image}}}}\", so the deploy would not run the image it built. Set \"image\": \"{{{{image}}}}\" on the service's container.");
        }

        return request;
    }

    private static string? Resolve(string name, TemplateValues values, out string? problem)
    {
        problem = null;
        switch (name)
        {
            case "image": return values.Image;
            case "version": return values.Version;
            case "commit": return values.Commit;
            case "environment": return values.Environment;
        }

        if (name.StartsWith("var:", StringComparison.Ordinal))
        {
            var key = name[4..];
            if (values.Variables.TryGetValue(key, out var value))
            {
                return value;
            }

            problem = $"'{{{{{name}}}}}' has no value: add \"{key}\" to \"variables\" in {values.VariablesFile}" + NameSuggestion.Hint(key, values.Variables.Keys);
            return null;
        }

        if (name.StartsWith("env:", StringComparison.Ordinal))
        {
            var key = name[4..];
            if (values.GetEnvironmentVariable(key) is { } value)
            {
                return value;
            }

            problem = $"'{{{{{name}}}}}' has no value: the environment variable {key} is not set";
            return null;
        }

        problem = $"unknown placeholder '{{{{{name}}}}}'." + NameSuggestion.Hint(name, Names.Take(4)) + $" Known: {string.Join(", ", Names.Select(n => "{{" + n + "}}"))}";
        return null;
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        // Columns count characters as an editor shows them, not UTF-16 units.
        return (line, text[lineStart..index].EnumerateRunes().Count() + 1);
    }

    [GeneratedRegex(@"\{\{(?<name>[^{}]*)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[^@\s]+@sha256:[0-9a-f]{64}$")]
    private static partial Regex PinnedImage();
}
