using System.Collections.Immutable;

namespace Slipway.Tools;

/// <summary>
/// The options of a <c>dotnet</c> command, built fluently as in NUKE:
/// <c>s =&gt; s.SetProjectFile(Solution).SetConfiguration("Release").EnableNoRestore()</c>.
/// </summary>
public sealed record DotNetSettings
{
    public string? ProjectFile { get; init; }

    public string? Configuration { get; init; }

    public string? Output { get; init; }

    public string? ResultsDirectory { get; init; }

    public bool NoRestore { get; init; }

    public bool NoBuild { get; init; }

    public string? Verbosity { get; init; }

    /// <summary><c>dotnet test --filter</c>: e.g. <c>Category!=Integration</c>.</summary>
    public string? Filter { get; init; }

    public ImmutableList<string> Loggers { get; init; } = [];

    public ImmutableSortedDictionary<string, string> Properties { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public ImmutableList<string> ExtraArguments { get; init; } = [];

    public DotNetSettings SetProjectFile(string? path) => this with { ProjectFile = path };

    public DotNetSettings SetConfiguration(object configuration) => this with { Configuration = configuration.ToString() };

    public DotNetSettings SetOutput(string path) => this with { Output = path };

    public DotNetSettings SetResultsDirectory(string path) => this with { ResultsDirectory = path };

    public DotNetSettings EnableNoRestore() => this with { NoRestore = true };

    public DotNetSettings EnableNoBuild() => this with { NoBuild = true };

    public DotNetSettings SetVerbosity(string verbosity) => this with { Verbosity = verbosity };

    public DotNetSettings SetFilter(string? filter) => this with { Filter = filter };

    public DotNetSettings AddLogger(string logger) => this with { Loggers = Loggers.Add(logger) };

    public DotNetSettings SetProperty(string name, string value) => this with { Properties = Properties.SetItem(name, value) };

    public DotNetSettings AddArguments(params string[] arguments) => this with { ExtraArguments = ExtraArguments.AddRange(arguments) };

    internal IReadOnlyList<string> ToArguments(string command)
    {
        var arguments = new List<string>(command.Split(' '));
        if (ProjectFile is not null)
        {
            arguments.Add(ProjectFile);
        }

        AddPair(arguments, "--configuration", Configuration);
        AddPair(arguments, "--output", Output);
        AddPair(arguments, "--results-directory", ResultsDirectory);
        AddPair(arguments, "--verbosity", Verbosity);
        AddPair(arguments, "--filter", Filter);
        if (NoRestore)
        {
            arguments.Add("--no-restore");
        }

        if (NoBuild)
        {
            arguments.Add("--no-build");
        }

        foreach (var logger in Loggers)
        {
            arguments.Add("--logger");
            arguments.Add(logger);
        }

        arguments.AddRange(Properties.Select(p => $"-p:{p.Key}={p.Value}"));
        arguments.AddRange(ExtraArguments);
        return arguments;
    }

    private static void AddPair(List<string> arguments, string name, string? value)
    {
        if (value is not null)
        {
            arguments.Add(name);
            arguments.Add(value);
        }
    }
}
