using Slipway.Workflows;

namespace Slipway.Tests.Workflows;

/// <summary><c>--generate-workflows</c>, <c>--check-generated</c> for workflows, and what an ordinary run says about stale files.</summary>
public sealed class CheckModeTests : IDisposable
{
    private static readonly Dictionary<string, string> OnGitHub = new() { ["GITHUB_ACTIONS"] = "true", ["CI"] = "true" };

    private readonly WorkflowTestRepository repository = new();

    [Fact]
    public async Task Generate_writes_the_declared_workflows_and_runs_no_target()
    {
        var build = new CiBuild();
        var (exitCode, output) = await repository.RunAsync(build, ["--generate-workflows"]);
        Assert.Equal(0, exitCode);
        Assert.False(build.Ran);
        Assert.Contains("Created .github/workflows/ci.yml", output, StringComparison.Ordinal);
        Assert.True(repository.WorkflowFile("ci").FileExists);

        (exitCode, output) = await repository.RunAsync(new CiBuild(), ["--generate-workflows"]);
        Assert.Equal(0, exitCode);
        Assert.Contains("1 workflow in .github/workflows already up to date.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_declaration_without_regenerating_fails_the_check_with_a_readable_diff()
    {
        await repository.RunAsync(new CiBuild(), ["--generate-workflows"]);
        Assert.Equal(0, (await repository.RunAsync(new CiBuild(), ["--check-generated"])).ExitCode);

        var (exitCode, output) = await repository.RunAsync(new ChangedCiBuild(), ["--check-generated"]);
        Assert.Equal(1, exitCode);
        Assert.Contains("--- a/.github/workflows/ci.yml (committed)\n+++ b/.github/workflows/ci.yml (generated)\n@@ ", output, StringComparison.Ordinal);
        Assert.Contains("\n+    timeout-minutes: 10\n", output, StringComparison.Ordinal);
        Assert.Contains("Generated files differ from what the build generates: .github/workflows/ci.yml (stale).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hand_edit_fails_the_check_and_generate_puts_the_file_back()
    {
        await repository.RunAsync(new CiBuild(), ["--generate-workflows"]);
        var file = repository.WorkflowFile("ci");
        var generated = file.ReadAllText();
        file.WriteAllText(generated.Replace("runs-on: ubuntu-24.04", "runs-on: windows-latest", StringComparison.Ordinal));

        var (exitCode, output) = await repository.RunAsync(new CiBuild(), ["--check-generated"]);
        Assert.Equal(1, exitCode);
        Assert.Contains("\n-    runs-on: windows-latest\n+    runs-on: ubuntu-24.04\n", output, StringComparison.Ordinal);

        Assert.Equal(0, (await repository.RunAsync(new CiBuild(), ["--generate-workflows"])).ExitCode);
        Assert.Equal(generated, file.ReadAllText());
    }

    [Fact]
    public async Task A_missing_file_fails_the_check()
    {
        repository.Write(".github/workflows/other.yml", "name: other\n");
        var (exitCode, output) = await repository.RunAsync(new CiBuild(), ["--check-generated"]);
        Assert.Equal(1, exitCode);
        Assert.Contains(".github/workflows/ci.yml (missing)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generated_file_whose_declaration_is_gone_is_stale_and_deleted_but_a_hand_written_one_is_kept()
    {
        await repository.RunAsync(new FullBuild(), ["--generate-workflows"]);
        repository.Write(".github/workflows/hand-written.yml", "name: hand-written\n");

        var (exitCode, output) = await repository.RunAsync(new CiBuild(), ["Test"], OnGitHub);
        Assert.Equal(1, exitCode);
        Assert.Contains(".github/workflows/full.yml was generated, but no declaration produces it any more.", output, StringComparison.Ordinal);

        (exitCode, output) = await repository.RunAsync(new CiBuild(), ["--generate-workflows"]);
        Assert.Equal(0, exitCode);
        Assert.Contains("Deleted .github/workflows/full.yml", output, StringComparison.Ordinal);
        Assert.False(repository.WorkflowFile("full").FileExists);
        Assert.True(repository.WorkflowFile("hand-written").FileExists);
    }

    [Fact]
    public async Task Locally_a_stale_workflow_is_a_warning_and_the_targets_still_run()
    {
        await repository.RunAsync(new CiBuild(), ["--generate-workflows"]);
        var build = new ChangedCiBuild();
        var (exitCode, output) = await repository.RunAsync(build, ["Test"]);
        Assert.Equal(0, exitCode);
        Assert.True(build.Ran);
        Assert.Contains("WARNING: .github/workflows/ci.yml is not what the declarations generate. This run regenerates the declared workflows; run ./build.sh --generate-workflows and commit the result.", output, StringComparison.Ordinal);
        Assert.Contains("timeout-minutes: 10", repository.WorkflowFile("ci").ReadAllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_ci_a_stale_workflow_fails_the_run_with_the_diff_before_any_target()
    {
        await repository.RunAsync(new CiBuild(), ["--generate-workflows"]);
        var build = new ChangedCiBuild();
        var (exitCode, output) = await repository.RunAsync(build, ["Test"], OnGitHub);
        Assert.Equal(1, exitCode);
        Assert.False(build.Ran);
        Assert.Contains("+    timeout-minutes: 10", output, StringComparison.Ordinal);
        Assert.DoesNotContain("timeout-minutes: 10", repository.WorkflowFile("ci").ReadAllText(), StringComparison.Ordinal); // CI never rewrites
    }

    [Fact]
    public async Task Current_workflows_and_builds_without_workflows_run_quietly()
    {
        await repository.RunAsync(new CiBuild(), ["--generate-workflows"]);
        var (exitCode, output) = await repository.RunAsync(new CiBuild(), ["Test"]);
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("workflow", output, StringComparison.OrdinalIgnoreCase);

        (exitCode, output) = await repository.RunAsync(new CiBuild(), ["Test"], OnGitHub);
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("workflow", output, StringComparison.OrdinalIgnoreCase);

        (exitCode, output) = await repository.RunAsync(new PlainBuild(), ["Test"], OnGitHub);
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("workflow", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_checkout_without_a_workflow_directory_is_not_stale_and_gets_the_workflows_written()
    {
        var (exitCode, output) = await repository.RunAsync(new CiBuild(), ["Test"], OnGitHub);
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("workflow", output, StringComparison.OrdinalIgnoreCase);
        Assert.True(repository.WorkflowFile("ci").FileExists);
    }

    [GitHubActions("broken", OnPush = true, InvokedTargets = ["Test"], Permissions = ["contents: readonly"])]
    private sealed class BrokenDeclarationBuild : NukeBuild
    {
        Target Test => _ => _.Executes(() => { });
    }

    [Fact]
    public async Task A_declaration_error_stops_generation_with_exit_code_2_and_writes_nothing()
    {
        var (exitCode, output) = await repository.RunAsync(new BrokenDeclarationBuild(), ["--generate-workflows"]);
        Assert.Equal(2, exitCode);
        Assert.Contains("error: The workflow declarations are invalid:", output, StringComparison.Ordinal);
        Assert.Contains("[GitHubActions(\"broken\")]: permission level 'readonly' of 'contents' is not read, write or none.", output, StringComparison.Ordinal);
        Assert.False(repository.WorkflowFile("broken").FileExists);
    }

    [Fact]
    public async Task Help_neither_renders_nor_deletes_workflows_but_generates_them_when_asked()
    {
        var (exitCode, _) = await repository.RunAsync(new CiBuild(), ["--help"]);
        Assert.Equal(0, exitCode);
        Assert.False(repository.WorkflowFile("ci").FileExists);

        (exitCode, _) = await repository.RunAsync(new CiBuild(), ["--help", "--generate-workflows"]);
        Assert.Equal(0, exitCode);
        Assert.True(repository.WorkflowFile("ci").FileExists);
    }

    [Fact]
    public async Task Help_lists_the_workflow_options()
    {
        var (exitCode, output) = await repository.RunAsync(new CiBuild(), ["--help"]);
        Assert.Equal(0, exitCode);
        Assert.Contains("--generate-workflows", output, StringComparison.Ordinal);
        Assert.Contains("--check-generated", output, StringComparison.Ordinal);
        Assert.Contains("Rewrite .github/workflows from the [GitHubActions] declarations", output, StringComparison.Ordinal);
    }

    public void Dispose() => repository.Dispose();
}
