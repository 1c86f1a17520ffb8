using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Parameters;

/// <summary>
/// Converts parameter text to the member's type; a value that does not convert is a usage error that says
/// which values are valid.
/// </summary>
internal static partial class ValueConverter
{
    public static object? Convert(RawValue raw, Type type, AbsolutePath rootDirectory)
    {
        var elementType = type.IsArray ? type.GetElementType()! : null;
        if (elementType is not null)
        {
            var items = raw.Values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            var array = Array.CreateInstance(elementType, items.Length);
            for (var i = 0; i < items.Length; i++)
            {
                array.SetValue(ConvertOne(items[i], elementType, raw.Source, rootDirectory), i);
            }

            return array;
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (raw.IsBareFlag)
        {
            return underlying == typeof(bool)
                ? true
                : throw new UsageException($"{raw.Source} needs a value: {Describe(underlying)}.");
        }

        if (raw.Values.Count > 1)
        {
            throw new UsageException($"{raw.Source} takes one value but got {raw.Values.Count}: {string.Join(' ', raw.Values)}. Quote the value if it contains spaces.");
        }

        return ConvertOne(raw.Values[0], underlying, raw.Source, rootDirectory);
    }

    /// <summary>What values a type accepts, for help and error messages.</summary>
    public static string Describe(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsArray)
        {
            return $"one or more of: {Describe(underlying.GetElementType()!)} (separate with spaces or commas)";
        }

        return underlying switch
        {
            _ when underlying == typeof(bool) => "true or false (a bare flag means true)",
            _ when underlying == typeof(int) || underlying == typeof(long) => "a whole number",
            _ when underlying == typeof(double) || underlying == typeof(decimal) => "a number",
            _ when underlying == typeof(TimeSpan) => "a duration such as 90s, 5m, 1h30m or 00:05:00",
            _ when underlying == typeof(AbsolutePath) => "a path (relative paths are resolved from the repository root)",
            _ when underlying == typeof(Uri) => "an absolute URL",
            _ when underlying.IsEnum => string.Join(", ", Enum.GetNames(underlying)),
            _ => "text",
        };
    }

    private static object ConvertOne(string text, Type type, string source, AbsolutePath rootDirectory)
    {
        object? value = type switch
        {
            _ when type == typeof(string) => text,
            _ when type == typeof(bool) => ParseBool(text),
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            _ when type == typeof(decimal) => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var m) ? m : null,
            _ when type == typeof(TimeSpan) => ParseDuration(text),
            _ when type == typeof(AbsolutePath) => string.IsNullOrWhiteSpace(text) ? null : AbsolutePath.Resolve(text, rootDirectory),
            _ when type == typeof(Uri) => Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null,
            _ when type.IsEnum => ParseEnum(text, type),
            _ => throw new UsageException($"{source}: parameters of type {type.Name} are not supported."),
        };
        return value ?? throw new UsageException($"{source}: '{text}' is not valid. Use {Describe(type)}.");
    }

    private static object? ParseBool(string text) =>
        text.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => null,
        };

    private static object? ParseEnum(string text, Type type)
    {
        // Names only: Enum.TryParse would also take "7" and produce a value no one declared.
        var name = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is null ? null : Enum.Parse(type, name);
    }

    private static TimeSpan? ParseDuration(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span) ? span : null;
        }

        var match = DurationPattern().Match(trimmed);
        if (!match.Success || trimmed.Length == 0)
        {
            return null;
        }

        double Part(string group) => match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        return TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s")) + TimeSpan.FromMilliseconds(Part("ms"));
    }

    [GeneratedRegex(@"^(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m(?!s))?(?:(?<s>\d+(?:\.\d+)?)s)?(?:(?<ms>\d+)ms)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();
}
