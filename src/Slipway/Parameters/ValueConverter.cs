using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Slipway.Text;

namespace Slipway.Parameters;

/// <summary>
/// Converts parameter text to the member's type; a value that does not convert, or is not one of the values a
/// value provider allows, is a usage error that says which values are valid. Besides the built-in types, any type
/// with a static <c>TryParse</c> (<see cref="IParsable{TSelf}"/> or <c>TryParse(string, out T)</c>) converts.
/// </summary>
internal static partial class ValueConverter
{
    public static object? Convert(RawValue raw, Type type, AbsolutePath rootDirectory, IReadOnlyList<string>? allowed = null)
    {
        // One rule for every parameter and source: an empty value is a mistake (an unset variable in a script),
        // never "the default". Leaving the parameter out is how to get the default. (An empty SLIPWAY_*
        // variable never gets here: the environment treats it as unset.)
        if (raw.Values.Any(string.IsNullOrWhiteSpace))
        {
            throw new UsageException($"{raw.Source} is empty. Give it a value ({Describe(type, allowed)}), or leave it out to use its default.");
        }

        if (allowed is not null)
        {
            raw = raw with { Values = [.. raw.Values.Select(v => Allowed(v, allowed, raw.Source, type.IsArray))] };
        }

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

    /// <summary>What values a type accepts (or the allowed values, when a provider lists them), for help and error messages.</summary>
    public static string Describe(Type type, IReadOnlyList<string>? allowed = null)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (allowed is not null)
        {
            var list = allowed.Count == 0 ? "(none available)" : string.Join(", ", allowed);
            return underlying.IsArray ? $"one or more of: {list} (separate with spaces or commas)" : $"one of: {list}";
        }

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
            _ when underlying == typeof(string) => "text",
            _ when FindTryParse(underlying) is not null => $"a {underlying.Name}",
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
            _ when FindTryParse(type) is { } tryParse => InvokeTryParse(tryParse, text),
            _ => throw new UsageException($"{source}: parameters of type {type.Name} are not supported: give the type a static TryParse (IParsable<{type.Name}>) or use one of the built-in types."),
        };
        return value ?? throw new UsageException($"{source}: '{text}' is not valid. Use {Describe(type)}.");
    }

    /// <summary>The canonical spelling of <paramref name="text"/> among the allowed values (each item, for arrays).</summary>
    private static string Allowed(string text, IReadOnlyList<string> allowed, string source, bool isArray)
    {
        var items = isArray ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [text.Trim()];
        var canonical = new List<string>();
        foreach (var item in items)
        {
            var match = allowed.FirstOrDefault(a => string.Equals(a, item, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                var close = ClosestMatch.Find(item, allowed);
                throw new UsageException(
                    $"{source}: '{item}' is not an allowed value.{(close is null ? string.Empty : $" Did you mean '{close}'?")} "
                    + (allowed.Count == 0 ? "No values are available." : $"Use one of: {string.Join(", ", allowed)}."));
            }

            canonical.Add(match);
        }

        return string.Join(',', canonical);
    }

    /// <summary>
    /// <c>TryParse(string, IFormatProvider, out T)</c> (IParsable&lt;T&gt;, also when implemented explicitly) or
    /// <c>TryParse(string, out T)</c>, public and static on the type.
    /// </summary>
    private static MethodInfo? FindTryParse(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Static;
        var byRef = type.MakeByRefType();
        var method = type.GetMethod("TryParse", flags, [typeof(string), typeof(IFormatProvider), byRef])
            ?? type.GetMethod("TryParse", flags, [typeof(string), byRef]);
        if (method is not null && method.ReturnType == typeof(bool))
        {
            return method;
        }

        var parsable = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>) && i.GenericTypeArguments[0] == type);
        if (parsable is null)
        {
            return null;
        }

        var map = type.GetInterfaceMap(parsable);
        return map.TargetMethods.FirstOrDefault(m => m.Name.EndsWith("TryParse", StringComparison.Ordinal) && m.GetParameters() is [{ ParameterType: var first }, _, _] && first == typeof(string));
    }

    private static object? InvokeTryParse(MethodInfo tryParse, string text)
    {
        var arguments = tryParse.GetParameters().Length == 3 ? new object?[] { text, CultureInfo.InvariantCulture, null } : [text, null];
        return tryParse.Invoke(null, arguments) is true ? arguments[^1] : null;
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
