using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;

namespace Slipway.Versioning;

/// <summary>
/// MinVer's options, read from one MSBuild file that the service's project imports too (the MinVer package
/// reads the same <c>MinVer*</c> properties), so the build and a plain <c>dotnet publish</c> stamp one version.
/// </summary>
public sealed record MinVerSettings
{
    /// <summary>Where a repository keeps its MinVer options, relative to its root.</summary>
    public const string FileName = ".config/minver.props";

    /// <summary>The options without a file: tags look like <c>v1.2.3</c>, everything else as MinVer defaults it.</summary>
    public static readonly MinVerSettings Default = new() { TagPrefix = "v" };

    private static readonly ImmutableArray<string> KnownProperties =
    [
        "MinVerTagPrefix", "MinVerAutoIncrement", "MinVerBuildMetadata", "MinVerDefaultPreReleaseIdentifiers",
        "MinVerMinimumMajorMinor", "MinVerIgnoreHeight", "MinVerVerbosity",
    ];

    public string? TagPrefix { get; init; }

    /// <summary><c>major</c>, <c>minor</c> or <c>patch</c> (MinVer's default).</summary>
    public string? AutoIncrement { get; init; }

    public string? BuildMetadata { get; init; }

    /// <summary>e.g. <c>preview.0</c>; MinVer's default is <c>alpha.0</c>.</summary>
    public string? DefaultPreReleaseIdentifiers { get; init; }

    /// <summary>e.g. <c>1.0</c>: versions below it are bumped to it.</summary>
    public string? MinimumMajorMinor { get; init; }

    public bool IgnoreHeight { get; init; }

    /// <summary>The options of <c>minver</c> (the CLI) that mean what these properties mean to the package.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string>();
        Add("--tag-prefix", TagPrefix);
        Add("--auto-increment", AutoIncrement);
        Add("--build-metadata", BuildMetadata);
        Add("--default-pre-release-identifiers", DefaultPreReleaseIdentifiers);
        Add("--minimum-major-minor", MinimumMajorMinor);
        if (IgnoreHeight)
        {
            arguments.Add("--ignore-height");
        }

        return arguments;

        void Add(string option, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                arguments.Add(option);
                arguments.Add(value);
            }
        }
    }

    /// <summary>The repository's <see cref="FileName"/>, or <see cref="Default"/> when it has none.</summary>
    public static MinVerSettings Load(AbsolutePath repository)
    {
        var file = repository / FileName;
        return file.FileExists ? FromFile(file) : Default;
    }

    /// <summary>
    /// Reads the <c>MinVer*</c> properties of an MSBuild file. The build reads them as plain values, so a
    /// condition, an MSBuild expression or an unknown <c>MinVer*</c> name is an error rather than a silent
    /// difference between the build's version and the project's.
    /// </summary>
    public static MinVerSettings FromFile(AbsolutePath file)
    {
        XDocument document;
        try
        {
            document = XDocument.Load((string)file);
        }
        catch (XmlException exception)
        {
            throw new InvalidDataException($"{file}: not valid XML ({exception.Message}). It holds MinVer's options as MSBuild properties, e.g. <MinVerTagPrefix>v</MinVerTagPrefix>.", exception);
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in document.Root?.Elements().Where(e => e.Name.LocalName == "PropertyGroup") ?? [])
        {
            Reject(group.Attribute("Condition") is not null, file, "a PropertyGroup has a Condition; the build cannot evaluate it. Remove the condition.");
            foreach (var property in group.Elements())
            {
                var name = property.Name.LocalName;
                if (!name.StartsWith("MinVer", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                Reject(!KnownProperties.Contains(name, StringComparer.OrdinalIgnoreCase), file,
                    $"unknown property {name}. Valid: {string.Join(", ", KnownProperties)}.");
                Reject(property.Attribute("Condition") is not null, file, $"{name} has a Condition; the build cannot evaluate it. Remove the condition.");
                Reject(property.Value.Contains("$(", StringComparison.Ordinal), file, $"{name} uses an MSBuild expression; the build reads plain values only. Write the value itself.");
                values[name] = property.Value.Trim();
            }
        }

        var ignoreHeight = values.GetValueOrDefault("MinVerIgnoreHeight");
        Reject(ignoreHeight is not (null or "" or "true" or "false"), file, $"MinVerIgnoreHeight is '{ignoreHeight}'; use true or false.");
        var autoIncrement = values.GetValueOrDefault("MinVerAutoIncrement");
        Reject(autoIncrement is not (null or "" or "major" or "minor" or "patch"), file, $"MinVerAutoIncrement is '{autoIncrement}'; use major, minor or patch.");
        return new MinVerSettings
        {
            TagPrefix = values.GetValueOrDefault("MinVerTagPrefix"),
            AutoIncrement = autoIncrement,
            BuildMetadata = values.GetValueOrDefault("MinVerBuildMetadata"),
            DefaultPreReleaseIdentifiers = values.GetValueOrDefault("MinVerDefaultPreReleaseIdentifiers"),
            MinimumMajorMinor = values.GetValueOrDefault("MinVerMinimumMajorMinor"),
            IgnoreHeight = ignoreHeight == "true",
        };
    }

    private static void Reject(bool invalid, AbsolutePath file, string problem)
    {
        if (invalid)
        {
            throw new InvalidDataException($"{file}: {problem}");
        }
    }
}
