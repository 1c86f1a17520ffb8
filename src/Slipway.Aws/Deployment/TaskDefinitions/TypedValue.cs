using System.Globalization;

namespace Slipway.Aws.Deployment.TaskDefinitions;

/// <summary>
/// A placeholder's value written as the JSON number or boolean its member takes, or the reason it cannot be: the path,
/// what the member takes, and where the value comes from. A value from the process environment is never echoed: it
/// may be a secret.
/// </summary>
internal static class TypedValue
{
    public static string? Write(TypedSlot slot, string placeholder, string value, TemplateValues values, out string? problem)
    {
        problem = null;
        var text = value.Trim();
        switch (slot.Kind)
        {
            case SlotKind.Integer when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                return number.ToString(CultureInfo.InvariantCulture);
            case SlotKind.Long when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                return number.ToString(CultureInfo.InvariantCulture);
            case SlotKind.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                // Stryker disable once String : since .NET Core 3.0 a double's default format ("") is the shortest round-trip text, the same as "R".
                return number.ToString("R", CultureInfo.InvariantCulture);
            case SlotKind.Boolean when text is "true" or "false":
                return text;
        }

        var (takes, example) = slot.Kind switch
        {
            SlotKind.Integer => ("an integer (32-bit)", "as digits, e.g. \"512\""),
            SlotKind.Long => ("an integer", "as digits, e.g. \"512\""),
            SlotKind.Number => ("a number", "as a number, e.g. \"0.5\""),
            _ => ("true or false", "as \"true\" or \"false\""),
        };
        var shown = placeholder.StartsWith("env:", StringComparison.Ordinal) ? "not of that kind" : $"\"{value}\"";
        problem = $"{slot.Path}: '{{{{{placeholder}}}}}' is {shown}, but the member takes {takes}; write the value in {Source(placeholder, values)} {example}";
        return null;
    }

    private static string Source(string placeholder, TemplateValues values) => placeholder switch
    {
        _ when placeholder.StartsWith("var:", StringComparison.Ordinal) => values.VariablesFile,
        _ when placeholder.StartsWith("env:", StringComparison.Ordinal) => $"the environment variable {placeholder[4..]}",
        _ => "a variable ({{var:NAME}}) instead",
    };
}
