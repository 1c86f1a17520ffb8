using System.Text;
using Slipway.CommandLine;
using Slipway.Parameters;
using Slipway.Targets;

namespace Slipway.Output;

/// <summary><c>--help</c>: targets with their direct dependencies and descriptions, then every parameter.</summary>
internal static class HelpText
{
    public static string Render(
        IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<string> defaultTargets,
        IReadOnlyList<ParameterMember> parameters,
        object build)
    {
        var text = new StringBuilder();
        text.AppendLine("Usage: ./build.sh [targets...] [--parameter value...]");
        text.AppendLine();
        text.AppendLine("Targets (default marked with *):");
        var listed = targets.Where(t => t.IsListed).ToList();
        var nameWidth = listed.Count == 0 ? 10 : listed.Max(t => t.Name.Length) + 4;
        foreach (var target in listed)
        {
            var marker = defaultTargets.Contains(target.Name, StringComparer.OrdinalIgnoreCase) ? "* " : "  ";
            var dependencies = target.Dependencies.Count > 0 ? $" (after {string.Join(", ", target.Dependencies.Select(d => d.Name))})" : string.Empty;
            text.AppendLine($"  {marker}{target.Name.PadRight(nameWidth)}{target.Description}{dependencies}".TrimEnd());
        }

        text.AppendLine();
        text.AppendLine("Parameters (command line > SLIPWAY_* environment variable > .nuke/parameters.<profile>.json > .nuke/parameters.json):");
        // One description column for parameters and options: wide enough for the longest of either (an option
        // such as --generate-workflows ran into its description when the build's parameter names were short).
        var width = Math.Max(
            parameters.Count == 0 ? 0 : parameters.Max(p => p.CommandLineName.Length) + 6,
            BuiltInOptions.Descriptions.Max(d => d.Name.Length));
        foreach (var parameter in parameters)
        {
            var current = parameter.IsSecret ? "(secret)" : FormatValue(parameter.Read(build));
            text.AppendLine($"  --{parameter.CommandLineName.PadRight(width)}{parameter.Description}".TrimEnd());
            text.AppendLine($"    {string.Empty.PadRight(width)}values: {ValueConverter.Describe(parameter.Type, parameter.AllowedValues(build))}; default: {current}; env: {parameter.EnvironmentVariable}");
        }

        text.AppendLine();
        text.AppendLine("Options:");
        foreach (var (name, description) in BuiltInOptions.Descriptions)
        {
            text.AppendLine($"  {name.PadRight(width + 2)}{description}");
        }

        return text.ToString();
    }

    private static string FormatValue(object? value) =>
        value switch
        {
            null => "(none)",
            string s when s.Length == 0 => "(empty)",
            Array array => array.Length == 0 ? "(none)" : string.Join(", ", array.Cast<object>()),
            _ => value.ToString() ?? "(none)",
        };
}
