using Slipway.Processes;
using Slipway.Tests.Support;
using Slipway.Versioning;

namespace Slipway.Tests.Versioning;

/// <summary>
/// The build's version against minver-cli run by hand (<c>dotnet tool run minver DIR --tag-prefix v</c>) on
/// histories made here with real git: they must agree on every one, and both must give the version MinVer's rules say.
/// </summary>
public sealed class MinVerAgreementTests
{
    private static readonly AbsolutePath SlipwayRoot = AbsolutePath.Create(RepositoryRoot.Find());

    private readonly ListLog log = new();
    private readonly ProcessRunner runner;

    public MinVerAgreementTests()
    {
        runner = new ProcessRunner(log);
    }

    [Fact]
    public void At_least_thirty_histories_are_compared() => Assert.True(VersionScenarios.All.Count >= 30, $"{VersionScenarios.All.Count} scenarios");

    [Theory]
    [MemberData(nameof(VersionScenarios.Names), MemberType = typeof(VersionScenarios))]
    public async Task The_build_version_is_minver_clis(string name)
    {
        var scenario = VersionScenarios.Named(name);
        using var sandbox = new GitSandbox();
        await scenario.Build(sandbox);

        var build = await GitVersion.ComputeAsync(runner, sandbox.Versioned, new MinVerTasks(runner, SlipwayRoot), scenario.Settings);
        var reference = await runner.RunAsync(new ProcessSpec("dotnet", ["tool", "run", "minver", sandbox.Versioned, .. scenario.CliOptions])
        {
            WorkingDirectory = SlipwayRoot,
            LogOutput = false,
        });

        Assert.Equal(reference.StandardOutput.Trim(), build.SemVer);
        Assert.Equal(scenario.Expected, build.SemVer);
        if (scenario.Warning is null)
        {
            Assert.Empty(build.Warnings);
        }
        else
        {
            var warning = Assert.Single(build.Warnings);
            Assert.StartsWith(scenario.Warning, warning, StringComparison.Ordinal);
            Assert.Contains(build.SemVer, warning, StringComparison.Ordinal);
        }
    }
}
