namespace Slipway.Tests.Workflows;

/// <summary>The validators the workflow tests lean on really reject bad workflows, so a pass means something.</summary>
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class ValidatorSanityTests : IDisposable
{
    private const string Valid = """
        name: sanity
        on:
          push: {}
        jobs:
          test:
            runs-on: ubuntu-24.04
            steps:
              - run: ./build.sh Test
        """;

    private readonly WorkflowTestRepository repository = new();

    [Fact]
    public async Task A_yaml_syntax_error_is_a_finding_not_a_silent_pass()
    {
        var file = Write("broken", "name: broken\non: [push\njobs:\n");
        var findings = await WorkflowValidators.ActionlintAsync([file], CancellationToken.None);
        Assert.Contains(findings, f => f.Kind == "exception" || f.Kind == "syntax-check");
        Assert.DoesNotContain(findings, f => f.IsKnownStaleness);
    }

    [Fact]
    public async Task Actionlint_reports_an_unknown_job_in_needs_and_tolerates_only_the_known_staleness()
    {
        var file = Write("needs", Valid + "\n    needs: [buidl]\n");
        var findings = await WorkflowValidators.ActionlintAsync([file], CancellationToken.None);
        Assert.Contains(findings, f => !f.IsKnownStaleness && f.Message.Contains("buidl", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.IsKnownStaleness && f.Message.Contains("ubuntu-24.04", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Action_validator_rejects_a_key_the_schema_does_not_know()
    {
        var file = Write("schema", Valid.Replace("steps:", "stepz:", StringComparison.Ordinal));
        var (exitCode, report) = await WorkflowValidators.ActionValidatorAsync(file, CancellationToken.None);
        Assert.Equal(1, exitCode);
        Assert.Contains("stepz", report, StringComparison.Ordinal);

        var (validExit, validReport) = await WorkflowValidators.ActionValidatorAsync(Write("valid", Valid), CancellationToken.None);
        Assert.True(validExit == 0, validReport);
    }

    private AbsolutePath Write(string name, string text)
    {
        var file = repository.WorkflowFile(name);
        file.WriteAllText(text);
        return file;
    }

    public void Dispose() => repository.Dispose();
}
