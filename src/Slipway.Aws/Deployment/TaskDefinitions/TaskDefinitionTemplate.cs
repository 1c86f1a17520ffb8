using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Deployment.TaskDefinitions;

/// <summary>
/// <c>deploy/taskdef.json</c> rendered for one deploy. Placeholders sit inside JSON strings: <c>{{image}}</c>,
/// <c>{{version}}</c>, <c>{{commit}}</c>, <c>{{environment}}</c>, <c>{{var:NAME}}</c>, <c>{{env:NAME}}</c>. The template
/// is checked as a task definition before anything is substituted, so a misspelt member is reported where it is
/// written; every unknown or unresolved placeholder is reported with its line and column, all at once. A string that is
/// one whole placeholder where the model takes a number or a boolean (<c>"containerPort": "{{var:port}}"</c>) becomes
/// that JSON number or boolean.
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

        // Members and syntax first, on the template as written (placeholders sit in strings, so it is JSON already;
        // one standing for a number or a boolean is checked as a value of that kind).
        var slots = TypedPlaceholderSlots.Find(templateText);
        TaskDefinitionReader.Read(Substitute(templateText, slots, (_, slot) => slot is null ? null : Sample(slot.Kind)), file);

        var problems = new List<string>();
        var rendered = Substitute(templateText, slots, (match, slot) =>
        {
            var (line, column) = Position(templateText, match.Index);
            var name = match.Groups["name"].Value.Trim();
            var value = Resolve(name, values, out var problem);
            if (problem is null && value is not null && slot is not null)
            {
                value = TypedValue.Write(slot, name, value, values, out problem);
            }

            if (problem is not null)
            {
                problems.Add($"{file}:{line}:{column}: {problem}");
                return null;
            }

            // Inside a JSON string: escape as JSON does, without the quotes.
            return slot is null ? JsonSerializer.Serialize(value)[1..^1] : value;
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

    /// <summary>
    /// Replaces each placeholder by what <paramref name="replace"/> gives (null keeps it as written). A placeholder in a
    /// typed slot replaces its whole string, quotes included, so its value stands as a JSON number or boolean.
    /// </summary>
    private static string Substitute(string text, IReadOnlyDictionary<int, TypedSlot> slots, Func<Match, TypedSlot?, string?> replace)
    {
        var result = new StringBuilder(text.Length);
        var copied = 0;
        foreach (Match match in Placeholder().Matches(text))
        {
            var slot = slots.GetValueOrDefault(match.Index);
            if (replace(match, slot) is not { } value)
            {
                continue;
            }

            var start = slot is null ? match.Index : match.Index - 1;
            result.Append(text, copied, start - copied).Append(value);
            copied = match.Index + match.Length + (slot is null ? 0 : 1);
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>A value of the slot's kind, to check the template's members before anything is resolved.</summary>
    private static string Sample(SlotKind kind) => kind == SlotKind.Boolean ? "false" : "0";

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
