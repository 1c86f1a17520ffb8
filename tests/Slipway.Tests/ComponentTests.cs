using Slipway.Tests.Support;

namespace Slipway.Tests;

public sealed class ComponentTests : IDisposable
{
    private readonly TestRepository repository = new();

    public enum Flavor
    {
        Plain,
        Spicy,
    }

    /// <summary>A component: targets and parameters as default interface members, as NUKE's ICompile.</summary>
    private interface IPackage : INukeBuild
    {
        [Parameter("Package flavor")]
        Flavor PackageFlavor => TryGetValue<Flavor>(() => PackageFlavor) ?? Flavor.Plain;

        [Parameter("Package name")]
        string PackageName => TryGetValue(() => PackageName) ?? "default-name";

        [Parameter("Label printed on the package", Name = "Label")]
        string? PackageLabelText => TryGetValue(() => PackageLabelText);

        List<string> Made { get; }

        Target Package => _ => _.Executes(() => Made.Add($"{PackageName}:{PackageFlavor}{(PackageLabelText is null ? "" : $":{PackageLabelText}")}"));
    }

    private sealed class Composed : NukeBuild, IPackage
    {
        public List<string> Made { get; } = [];

        Target Ship => _ => _.DependsOn<IPackage>(x => x.Package).Executes(() => Made.Add("shipped"));
    }

    [Fact]
    public async Task A_component_parameter_gets_its_value_from_every_source()
    {
        var build = new Composed();

        var run = await BuildRun.RunAsync(build, repository, ["Ship", "--package-flavor", "spicy"], new() { ["SLIPWAY_PACKAGE_NAME"] = "svc" });

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["svc:Spicy", "shipped"], build.Made);
    }

    [Fact]
    public async Task A_component_parameter_without_a_value_keeps_its_default()
    {
        var build = new Composed();

        await BuildRun.RunAsync(build, repository, ["Ship"]);

        Assert.Equal(["default-name:Plain", "shipped"], build.Made);
    }

    [Fact]
    public async Task A_component_parameter_renamed_with_Name_is_read_under_its_new_name_from_every_source()
    {
        var fromCommandLine = new Composed();
        var fromEnvironment = new Composed();
        var fromFile = new Composed();

        var commandLine = await BuildRun.RunAsync(fromCommandLine, repository, ["Ship", "--label", "fragile"]);
        await BuildRun.RunAsync(fromEnvironment, repository, ["Ship"], new() { ["SLIPWAY_LABEL"] = "upright" });
        var oldName = await BuildRun.RunAsync(new Composed(), repository, ["Ship", "--package-label-text", "x"]);
        repository.WriteParameters("parameters.json", """{ "Label": "from-file" }""");
        await BuildRun.RunAsync(fromFile, repository, ["Ship"]);

        Assert.Equal(ExitCodes.Success, commandLine.ExitCode);
        Assert.Equal(["default-name:Plain:fragile", "shipped"], fromCommandLine.Made);
        Assert.Equal(["default-name:Plain:upright", "shipped"], fromEnvironment.Made);
        Assert.Equal(["default-name:Plain:from-file", "shipped"], fromFile.Made);
        Assert.Equal(ExitCodes.UsageError, oldName.ExitCode);
        Assert.Contains("--package-label-text is not a known parameter", oldName.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_component_targets_and_parameters()
    {
        var run = await BuildRun.RunAsync(new Composed(), repository, ["--help"]);

        // The target's own line: "Package" also appears in parameter descriptions.
        Assert.Matches(@"(?m)^ {4}Package\r?$", run.Output);
        Assert.Matches(@"(?m)^ {4}Ship\s+\(after Package\)\r?$", run.Output);
        Assert.Contains("--package-flavor", run.Output, StringComparison.Ordinal);
        Assert.Contains("values: Plain, Spicy; default: Plain", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => repository.Dispose();
}
