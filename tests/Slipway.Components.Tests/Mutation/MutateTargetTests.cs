namespace Slipway.Components.Tests.Mutation;

/// <summary>
/// The <c>Mutate</c> target's refusals, which come before Stryker runs. A run of the real target (Stryker on a
/// library) takes minutes per library, so none is in this suite: the weekly mutation workflow is that run.
/// </summary>
public sealed class MutateTargetTests
{
    private sealed class MutateBuild : NukeBuild, IMutate;

    private static async Task<InProcessBuild> MutateAsync(AbsolutePath root, params string[] args) =>
        await InProcessBuild.RunAsync(new MutateBuild(), root, ["Mutate", .. args], CancellationToken.None);

    [Fact]
    public async Task An_unknown_mutate_project_is_a_usage_error_that_lists_the_libraries_with_a_config()
    {
        using var repository = new TestRepository();
        (repository.Root / "src" / "Beta" / "stryker-config.json").WriteAllText("""{ "stryker-config": { } }""");
        (repository.Root / "src" / "Alpha" / "stryker-config.json").WriteAllText("""{ "stryker-config": { } }""");
        (repository.Root / "src" / "Gamma" / "Gamma.csproj").WriteAllText("<Project />");

        var result = await MutateAsync(repository.Root, "--mutate-project", "Gamma");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--mutate-project Gamma: no src/Gamma/stryker-config.json; the libraries with one: Alpha, Beta", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repository_without_any_config_fails_saying_there_is_nothing_to_mutate()
    {
        using var repository = new TestRepository();
        (repository.Root / "src").CreateDirectory();

        var result = await MutateAsync(repository.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No library has a stryker-config.json (src/<Library>/stryker-config.json): nothing to mutate.", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_with_an_unreadable_break_threshold_fails_naming_the_file()
    {
        using var repository = new TestRepository();
        var config = repository.Root / "src" / "Alpha" / "stryker-config.json";
        config.WriteAllText("""{ "stryker-config": { "thresholds": { "break": "high" } } }""");

        var result = await MutateAsync(repository.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{config}: \"thresholds.break\" is \"high\": give a number from 0 to 100", result.Output + result.Error, StringComparison.Ordinal);
    }
}
