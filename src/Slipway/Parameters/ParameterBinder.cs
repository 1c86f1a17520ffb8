using Slipway.CommandLine;
using Slipway.Text;

namespace Slipway.Parameters;

/// <summary>
/// Finds each parameter's value by precedence — command line, then <c>SLIPWAY_*</c> environment variables,
/// then the selected profiles (the last named wins), then <c>.nuke/parameters.json</c> — converts it and stores
/// it on the build. Anything unknown or unconvertible is a usage error; nothing is half-applied.
/// </summary>
internal sealed class ParameterBinder
{
    private readonly IReadOnlyList<ParameterMember> members;
    private readonly AbsolutePath rootDirectory;

    public ParameterBinder(IReadOnlyList<ParameterMember> members, AbsolutePath rootDirectory)
    {
        this.members = members;
        this.rootDirectory = rootDirectory;
    }

    public AbsolutePath ParametersDirectory => rootDirectory / ".nuke";

    public ParameterValues Bind(
        object build,
        IReadOnlyList<CommandLineOption> options,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyList<string> profiles,
        IReadOnlyCollection<string> builtInOptions)
    {
        var byKey = members.ToDictionary(m => m.Key, StringComparer.Ordinal);
        var fromCommandLine = CommandLineValues(options, byKey, builtInOptions);
        var fromEnvironment = EnvironmentValues(environment, byKey);
        var fromFiles = FileValues(profiles, byKey);

        var converted = new List<(ParameterMember Member, object? Value)>();
        foreach (var member in members)
        {
            var raw = fromCommandLine.GetValueOrDefault(member.Key)
                ?? fromEnvironment.GetValueOrDefault(member.Key)
                ?? fromFiles.GetValueOrDefault(member.Key);
            if (raw is not null)
            {
                var value = ValueConverter.Convert(raw, member.Type, rootDirectory, member.AllowedValues(build));
                ThrowIfMisshapen(member, raw, value);
                converted.Add((member, value));
            }
        }

        ThrowIfCompanionMissing(converted, byKey, fromCommandLine, fromEnvironment, fromFiles);

        // Store only once every value converted, so a bad value leaves the build untouched.
        var values = new ParameterValues();
        foreach (var (member, value) in converted)
        {
            member.Store(build, value);
            values.Set(member, value);
        }

        return values;
    }

    public IReadOnlyList<string> AvailableProfiles() =>
        ParametersDirectory.DirectoryExists
            ? [.. Directory.GetFiles(ParametersDirectory, "parameters.*.json").Select(f => Path.GetFileName(f)["parameters.".Length..^".json".Length]).Order(StringComparer.Ordinal)]
            : [];

    private Dictionary<string, RawValue> CommandLineValues(
        IReadOnlyList<CommandLineOption> options, Dictionary<string, ParameterMember> byKey, IReadOnlyCollection<string> builtInOptions)
    {
        var values = new Dictionary<string, RawValue>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            var key = ParameterNames.Normalize(option.Name);
            if (builtInOptions.Contains(key))
            {
                continue;
            }

            if (!byKey.ContainsKey(key))
            {
                var known = members.Select(m => m.CommandLineName).Concat(builtInOptions.Select(ParameterNames.ToKebabCase));
                throw Unknown(option.Spelling, ClosestMatch.Find(option.Name, known) is { } close ? "--" + close : null, "Run with --help to list every parameter.");
            }

            if (values.ContainsKey(key))
            {
                throw new UsageException($"{option.Spelling} is given twice. Give it once (arrays take several values: --name a b c).");
            }

            values[key] = new RawValue(option.Values, option.Spelling);
        }

        return values;
    }

    private Dictionary<string, RawValue> EnvironmentValues(IReadOnlyDictionary<string, string> environment, Dictionary<string, ParameterMember> byKey)
    {
        var values = new Dictionary<string, RawValue>(StringComparer.Ordinal);
        foreach (var (name, value) in environment)
        {
            if (!name.StartsWith(ParameterNames.EnvironmentPrefix, StringComparison.Ordinal) || string.IsNullOrWhiteSpace(value))
            {
                continue; // Only SLIPWAY_* counts, and an empty variable is no value at all (not "true").
            }

            var key = ParameterNames.Normalize(name[ParameterNames.EnvironmentPrefix.Length..]);
            if (!byKey.ContainsKey(key))
            {
                var close = ClosestMatch.Find(name, members.Select(m => m.EnvironmentVariable));
                throw Unknown($"Environment variable {name}", close, $"Unset it, or use one of the SLIPWAY_* names listed by --help.");
            }

            values[key] = new RawValue([value], name);
        }

        return values;
    }

    private Dictionary<string, RawValue> FileValues(IReadOnlyList<string> profiles, Dictionary<string, ParameterMember> byKey)
    {
        var files = new List<AbsolutePath>();
        var defaultFile = ParametersDirectory / "parameters.json";
        if (defaultFile.FileExists)
        {
            files.Add(defaultFile);
        }

        foreach (var profile in profiles)
        {
            var file = ParametersDirectory / $"parameters.{profile}.json";
            if (!file.FileExists)
            {
                var available = AvailableProfiles();
                throw new UsageException(
                    $"--profile {profile}: there is no {file.RelativeTo(rootDirectory)}. "
                    + (available.Count > 0 ? $"Available profiles: {string.Join(", ", available)}." : "Create that file to define the profile."));
            }

            files.Add(file);
        }

        var values = new Dictionary<string, RawValue>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var (key, (spelled, raw)) in ParameterFile.Load(file, rootDirectory))
            {
                if (!byKey.ContainsKey(key))
                {
                    var close = ClosestMatch.Find(spelled, members.Select(m => m.Name));
                    throw Unknown($"{file.RelativeTo(rootDirectory)}: \"{spelled}\"", close, "Remove it or fix its name; .nuke/build.schema.json lists the valid names.");
                }

                values[key] = raw; // Later files (profiles in the order named) override earlier ones.
            }
        }

        return values;
    }

    /// <summary>Each text of the value (one, or each item of an array) against the member's format.</summary>
    private static void ThrowIfMisshapen(ParameterMember member, RawValue raw, object? value)
    {
        if (member.Format is not { } format)
        {
            return;
        }

        var texts = value switch
        {
            string text => [text],
            string[] array => array,
            _ => Array.Empty<string>(),
        };
        foreach (var text in texts)
        {
            if (format.Problem(text) is { } problem)
            {
                var shown = member.IsSecret ? "the value" : $"'{text}'";
                throw new UsageException($"{raw.Source}: {shown} is not valid: {problem}. Use {format.Expected}.");
            }
        }
    }

    private static void ThrowIfCompanionMissing(
        List<(ParameterMember Member, object? Value)> converted,
        Dictionary<string, ParameterMember> byKey,
        params Dictionary<string, RawValue>[] sources)
    {
        foreach (var (member, _) in converted)
        {
            if (member.RequiredCompanion is not { } companionName)
            {
                continue;
            }

            var companion = byKey.GetValueOrDefault(ParameterNames.Normalize(companionName))
                ?? throw new InvalidOperationException($"[RequiresParameter(\"{companionName}\")] on {member.Name} names no parameter.");
            if (converted.All(c => c.Member != companion))
            {
                var source = sources.Select(s => s.GetValueOrDefault(member.Key)?.Source).First(s => s is not null);
                throw new UsageException(
                    $"{source} is given without --{companion.CommandLineName}, so it would be ignored. "
                    + $"Give --{companion.CommandLineName} too (or {companion.EnvironmentVariable}), or leave {source} out.");
            }
        }
    }

    private static UsageException Unknown(string what, string? suggestion, string hint) =>
        new($"{what} is not a known parameter.{(suggestion is null ? string.Empty : $" Did you mean {suggestion}?")} {hint}");
}
