using Microsoft.Extensions.Time.Testing;
using Slipway.CommandLine;
using Slipway.Output;
using Slipway.Text;
using Slipway.Tools;

namespace Slipway.Tests;

public sealed class OutputTests
{
    [Fact]
    public void The_redactor_masks_every_occurrence_and_longer_secrets_first()
    {
        var redactor = new SecretRedactor();
        redactor.Add("abcd");
        redactor.Add("abcdefgh");

        Assert.Equal("x **** y **** z ****", redactor.Redact("x abcdefgh y abcd z abcdefgh"));
    }

    [Fact]
    public void The_redactor_ignores_values_too_short_to_be_secrets()
    {
        var redactor = new SecretRedactor();
        redactor.Add("on");

        Assert.Equal("turn it on", redactor.Redact("turn it on"));
    }

    [Fact]
    public void The_log_stamps_lines_masks_secrets_and_hides_debug_unless_verbose()
    {
        using var writer = new StringWriter();
        var redactor = new SecretRedactor();
        redactor.Add("s3cr3t-token");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 30, 15, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var log = new ConsoleLog(writer, redactor, new CiHost(false, false, null), time, Verbosity.Normal);

        log.Information("token s3cr3t-token");
        log.Debug("hidden");
        log.Warning("careful");

        Assert.Equal($"09:30:15 token ****{Environment.NewLine}09:30:15 WARNING: careful{Environment.NewLine}", writer.ToString());
    }

    [Fact]
    public void Warnings_and_errors_become_annotations_on_GitHub_Actions()
    {
        using var writer = new StringWriter();
        var log = new ConsoleLog(writer, new SecretRedactor(), new CiHost(true, true, null), TimeProvider.System, Verbosity.Normal);

        log.Warning("careful");
        log.Error("broken");

        Assert.Equal($"::warning::careful{Environment.NewLine}::error::broken{Environment.NewLine}", writer.ToString());
    }

    [Theory]
    [InlineData("true", null, true)]
    [InlineData(null, "true", true)]
    [InlineData(null, "1", true)]
    [InlineData(null, "", false)]
    [InlineData(null, null, false)]
    public void Server_builds_are_recognised_from_the_environment(string? gitHubActions, string? ci, bool expected)
    {
        var environment = new Dictionary<string, string>();
        if (gitHubActions is not null)
        {
            environment["GITHUB_ACTIONS"] = gitHubActions;
        }

        if (ci is not null)
        {
            environment["CI"] = ci;
        }

        Assert.Equal(expected, CiHost.From(environment).IsServerBuild);
    }

    [Fact]
    public void The_command_line_splits_targets_from_options_and_their_values()
    {
        var parsed = CommandLineArguments.Parse(["Test", "Publish", "--skip", "--tags", "a", "b", "--count=-3", "-h", "--offset", "-5"]);

        Assert.Equal(["Test", "Publish"], parsed.Targets);
        Assert.Equal(
            [("skip", ""), ("tags", "a b"), ("count", "-3"), ("help", ""), ("offset", "-5")],
            parsed.Options.Select(o => (o.Name, string.Join(' ', o.Values))));
    }

    [Theory]
    [InlineData("enviroment", "environment")]
    [InlineData("confguration", "configuration")]
    [InlineData("zzzzzz", null)]
    public void The_closest_name_is_suggested_only_for_small_typos(string input, string? expected) =>
        Assert.Equal(expected, ClosestMatch.Find(input, ["environment", "configuration", "profile"]));

    [Fact]
    public void Test_results_are_counted_from_trx_files()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"trx-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "a.trx"), """
                <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>
                  <UnitTestResult testName="A.one" outcome="Passed" />
                  <UnitTestResult testName="A.two" outcome="Failed" />
                  <UnitTestResult testName="A.three" outcome="NotExecuted" />
                </Results></TestRun>
                """);
            File.WriteAllText(Path.Combine(directory, "b.trx"), """
                <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>
                  <UnitTestResult testName="B.one" outcome="Passed" />
                </Results></TestRun>
                """);

            var results = TestResults.Read(directory);

            Assert.Equal("2 passed, 1 failed, 1 skipped", results.ToString());
            Assert.Equal(["A.two"], results.FailedTests);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Failed_tests_become_a_failure_that_names_them_and_a_crashed_run_without_failures_is_rethrown()
    {
        var failed = new TestResults(10, 7, 0, ["T1", "T2", "T3", "T4", "T5", "T6", "T7"]);
        var crashed = new TestResults(3, 0, 0, []) { RunFailure = new Slipway.Processes.ProcessException("dotnet exited with code 1.") };

        var failure = Assert.Throws<TargetFailureException>(failed.ThrowIfFailed);
        var crash = Assert.Throws<Slipway.Processes.ProcessException>(crashed.ThrowIfFailed);
        new TestResults(3, 0, 1, []).ThrowIfFailed();

        Assert.Equal("7 of 17 tests failed: T1, T2, T3, T4, T5, …", failure.Message);
        Assert.Equal(ExitCodes.TargetFailed, failure.ExitCode);
        Assert.Equal("dotnet exited with code 1.", crash.Message);
    }

    [Fact]
    public void DotNet_settings_become_arguments_in_a_stable_order()
    {
        var settings = new DotNetSettings()
            .SetProjectFile("Solution.sln")
            .SetConfiguration("Release")
            .EnableNoRestore()
            .SetProperty("Version", "1.2.3")
            .SetProperty("A", "b")
            .AddLogger("trx")
            .SetFilter("Category!=Integration");

        Assert.Equal(
            ["build", "Solution.sln", "--configuration", "Release", "--filter", "Category!=Integration", "--no-restore", "--logger", "trx", "-p:A=b", "-p:Version=1.2.3"],
            settings.ToArguments("build"));
    }
}
