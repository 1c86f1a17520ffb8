using System.Net;
using Slipway.Aws;
using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Deployment.Watching;
using Slipway.Components.Local;
using Slipway.Components.UpToDate;
using Slipway.Docker;

namespace Slipway.Components.Tests;

/// <summary>The components' own decisions: exit codes of deploy failures, registry refusals, GitHub remotes, a build's memory, project closures.</summary>
public sealed class ComponentLogicTests : IDisposable
{
    private readonly TestRepository repository = new();

    public void Dispose() => repository.Dispose();

    [Fact]
    public async Task Bad_configuration_is_a_usage_error_and_keeps_the_message()
    {
        var deploy = await Assert.ThrowsAsync<UsageException>(() => DeployFailures.RunAsync(() => throw new DeployConfigurationException("environment 'qa': region is missing")));
        var aws = await Assert.ThrowsAsync<UsageException>(() => DeployFailures.RunAsync(() => throw new AwsConfigurationException("no credentials")));

        Assert.Equal(("environment 'qa': region is missing", "no credentials"), (deploy.Message, aws.Message));
        Assert.IsType<DeployConfigurationException>(deploy.InnerException);
        Assert.IsType<AwsConfigurationException>(aws.InnerException);
    }

    [Fact]
    public async Task Deployment_outcomes_exit_with_their_documented_codes()
    {
        var inProgress = await Assert.ThrowsAsync<TargetFailureException>(() => DeployFailures.RunAsync(() => throw new DeploymentInProgressException("busy")));
        var failed = await Assert.ThrowsAsync<TargetFailureException>(() => DeployFailures.RunAsync(() => throw new DeploymentFailedException("rolled back")));
        var timedOut = await Assert.ThrowsAsync<TargetFailureException>(() => DeployFailures.RunAsync(() => throw new DeploymentTimeoutException("still rolling")));

        Assert.Equal((22, "busy"), (inProgress.ExitCode, inProgress.Message));
        Assert.Equal((20, "rolled back"), (failed.ExitCode, failed.Message));
        Assert.Equal((21, "still rolling"), (timedOut.ExitCode, timedOut.Message));
        Assert.Equal((DeployExitCodes.DeploymentFailed, DeployExitCodes.DeploymentTimedOut, DeployExitCodes.DeploymentInProgress), (20, 21, 22));
    }

    [Fact]
    public async Task An_unreachable_AWS_fails_the_target_saying_what_to_check()
    {
        var failure = await Assert.ThrowsAsync<TargetFailureException>(() => DeployFailures.RunAsync(() => throw new HttpRequestException("Connection refused (127.0.0.1:1)")));

        Assert.Equal((1, "AWS could not be reached: Connection refused (127.0.0.1:1) Check the environment's endpoints and the network."), (failure.ExitCode, failure.Message));
    }

    [Fact]
    public async Task A_deploy_that_succeeds_or_fails_otherwise_is_left_alone()
    {
        var ran = false;
        await DeployFailures.RunAsync(() =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.True(ran);
        await Assert.ThrowsAsync<InvalidOperationException>(() => DeployFailures.RunAsync(() => throw new InvalidOperationException("bug")));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, true)]
    [InlineData(HttpStatusCode.Forbidden, true)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public void A_registry_refuses_with_401_or_403(HttpStatusCode status, bool refusal) =>
        Assert.Equal(refusal, RegistryRefusal.IsRefusal(new RegistryException("push failed", status)));

    [Theory]
    [InlineData("no basic auth credentials", true)]
    [InlineData("UNAUTHORIZED: authentication required", true)]
    [InlineData("requested access to the resource is denied", true)]
    [InlineData("Authentication Required", true)]
    [InlineData("blob upload unknown", false)]
    public void Dockers_refusal_words_make_a_refusal(string message, bool refusal) =>
        Assert.Equal(refusal, RegistryRefusal.IsRefusal(new DockerPushException(message)));

    [Fact]
    public void Other_failures_and_a_registry_error_without_status_are_no_refusal()
    {
        Assert.False(RegistryRefusal.IsRefusal(new RegistryException("unauthorized")));
        Assert.False(RegistryRefusal.IsRefusal(new IOException("unauthorized")));
    }

    [Fact]
    public void A_refusal_without_credentials_says_which_parameters_to_give_before_the_registrys_words()
    {
        var refusal = new DockerPushException("no basic auth credentials");

        var explained = RegistryRefusal.Explain(refusal, "registry.example.com", null);

        Assert.Equal(
            $"registry.example.com wants credentials: pass --registry-username and --registry-password (or set SLIPWAY_REGISTRY_USERNAME and SLIPWAY_REGISTRY_PASSWORD).{Environment.NewLine}no basic auth credentials",
            explained.Message);
        Assert.Same(refusal, explained.InnerException);
    }

    [Fact]
    public void A_refusal_of_given_credentials_names_the_user_but_never_the_password()
    {
        var explained = RegistryRefusal.Explain(new RegistryException("401", HttpStatusCode.Unauthorized), "registry.example.com", "ci-bot");

        Assert.Equal(
            $"registry.example.com did not accept the credentials of --registry-username ci-bot: check the user name and --registry-password.{Environment.NewLine}401",
            explained.Message);
    }

    [Theory]
    [InlineData("https://github.com/slipway/api", "slipway/api")]
    [InlineData("https://github.com/slipway/api.git", "slipway/api")]
    [InlineData("https://github.com/slipway/api/", "slipway/api")]
    [InlineData("git@github.com:slipway/my.api.git", "slipway/my.api")]
    [InlineData("ssh://git@github.com/slip-way/api_1.git", "slip-way/api_1")]
    [InlineData("https://gitlab.com/slipway/api", null)]
    [InlineData("https://github.com/slipway", null)]
    [InlineData("https://github.com/slipway/api/tree/main", null)]
    [InlineData("xhttps://github.com/slipway/api", null)]
    [InlineData(null, null)]
    public void A_github_remote_reads_as_owner_and_name(string? url, string? ownerAndName) => Assert.Equal(ownerAndName, GitHubRemote.OwnerAndName(url));

    [Fact]
    public void A_builds_memory_is_its_own_and_remembers_repositories_and_digests_per_environment()
    {
        var build = new MemoryBuild();
        var memory = DeployRunMemory.Of(build);
        var repository = new EcrRepository("slipway/api", "000000000000.dkr.ecr.us-east-1.amazonaws.com/slipway/api", "000000000000", "arn:aws:ecr:us-east-1:000000000000:repository/slipway/api", false, []);

        Assert.Same(memory, DeployRunMemory.Of(build));
        Assert.NotSame(memory, DeployRunMemory.Of(new MemoryBuild()));
        Assert.Null(memory.Repository("qa"));
        memory.RememberRepository("qa", repository);
        Assert.Same(repository, memory.Repository("qa"));
        Assert.Null(memory.Repository("prod"));

        Assert.False(memory.IsInEcr("qa", "sha256:a"));
        memory.RememberInEcr("qa", "sha256:a");
        Assert.True(memory.IsInEcr("qa", "sha256:a"));
        Assert.False(memory.IsInEcr("prod", "sha256:a"));
        Assert.False(memory.IsInEcr("qa", "sha256:b"));
        Assert.Empty(memory.Callers);
    }

    [Fact]
    public void A_solutions_projects_and_their_references_are_found_once_each()
    {
        var root = repository.Root;
        (root / "src" / "App" / "App.csproj").WriteAllText("<Project><ItemGroup><ProjectReference Include=\"..\\Lib\\Lib.csproj\" /></ItemGroup></Project>");
        (root / "src" / "Lib" / "Lib.csproj").WriteAllText("<Project><ItemGroup><ProjectReference Include=\"../Core/Core.csproj\" /></ItemGroup></Project>");
        (root / "src" / "Core" / "Core.csproj").WriteAllText("<Project />");
        (root / "tests" / "App.Tests" / "App.Tests.csproj").WriteAllText("<Project><ItemGroup><ProjectReference Include=\"..\\..\\src\\App\\App.csproj\" /><ProjectReference Include=\"..\\..\\src\\Core\\Core.csproj\" /></ItemGroup></Project>");
        (root / "App.sln").WriteAllText(
            """
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "App", "src\App\App.csproj", "{11111111-1111-1111-1111-111111111111}"
            EndProject
            Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "docs", "docs", "{22222222-2222-2222-2222-222222222222}"
            EndProject
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "App.Tests", "tests\App.Tests\App.Tests.csproj", "{33333333-3333-3333-3333-333333333333}"
            EndProject
            """);

        var closure = MsBuildProjects.Closure([root / "App.sln"]);

        Assert.Equal(
            [root / "src" / "App" / "App.csproj", root / "src" / "Lib" / "Lib.csproj", root / "src" / "Core" / "Core.csproj", root / "tests" / "App.Tests" / "App.Tests.csproj"],
            closure);
    }

    [Fact]
    public void An_slnx_and_a_project_named_directly_are_read_too_and_a_missing_reference_ends_the_walk()
    {
        var root = repository.Root;
        (root / "src" / "App" / "App.csproj").WriteAllText("<Project><ItemGroup><ProjectReference Include=\"../Gone/Gone.csproj\" /></ItemGroup></Project>");
        (root / "tools" / "Tool.fsproj").WriteAllText("<Project />");
        (root / "App.SLNX").WriteAllText("<Solution><Folder Name=\"/src/\"><Project Path=\"src/App/App.csproj\" /></Folder><Project Path=\"tools/Tool.fsproj\" /></Solution>");

        Assert.Equal([root / "src" / "App" / "App.csproj", root / "src" / "Gone" / "Gone.csproj", root / "tools" / "Tool.fsproj"], MsBuildProjects.Closure([root / "App.SLNX"]));
        Assert.Equal([root / "tools" / "Tool.fsproj"], MsBuildProjects.Closure([root / "tools" / "Tool.fsproj"]));
    }

    [Fact]
    public void Restore_reads_each_projects_assets_file()
    {
        var root = repository.Root;

        Assert.Equal([root / "src" / "App" / "obj" / "project.assets.json"], BuildInputs.AssetsFiles([root / "src" / "App" / "App.csproj"]));
    }

    [Fact]
    public void Only_the_program_started_behind_a_pid_counts_as_ours()
    {
        var self = Environment.ProcessId;
        var program = Path.GetFileName(File.ReadAllText($"/proc/{self}/cmdline").Split('\0')[0]);

        Assert.True(OwnProcess.Runs(self, program));
        Assert.False(OwnProcess.Runs(self, "Slipway.LocalCloud.dll"));
        Assert.False(OwnProcess.Runs(int.MaxValue, program));
    }

    [Fact]
    public void The_local_environment_keeps_its_files_where_the_readme_says()
    {
        var root = repository.Root / ".nuke" / "temp" / "local";
        var layout = new LocalEnvironmentLayout(root);

        Assert.Equal(
            ["dockerd", "registry", "registry/port", "cloud", "cloud/cloud.pid", "cloud/cloud.log", "cloud/state", "cloud/bin", "cloud/registry", "environment.lock"],
            new[] { layout.Engine, layout.Registry, layout.RegistryPortFile, layout.Cloud, layout.CloudPidFile, layout.CloudLogFile, layout.CloudState, layout.CloudBinaries, layout.CloudRegistryFile, layout.LockFile }
                .Select(path => Path.GetRelativePath(root, path)));
    }

    private sealed class MemoryBuild : NukeBuild;
}
