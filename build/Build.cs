using Slipway;

/// <summary>
/// The pipeline of this repository. Each target says what it needs and what it does; how it does it lives in
/// the partial files by concern (Build.DotNet.cs, Build.Docker.cs) and in src/.
/// </summary>
sealed partial class Build : NukeBuild
{
    public static int Main() => Execute<Build>(x => x.Test);

    [Parameter("Debug or Release (Debug locally, Release on CI)")]
    readonly Configuration Configuration = IsLocalBuild ? Configuration.Debug : Configuration.Release;

    AbsolutePath Solution => RootDirectory / "Solution.sln";
    AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";
    AbsolutePath PublishDirectory => ArtifactsDirectory / "publish" / "Api";
    AbsolutePath ServiceProject => RootDirectory / "src" / "Api" / "Api.csproj";

    Target Clean => _ => _
        .Description("Delete bin/, obj/ and artifacts/")
        .Before(Restore)
        .Executes(CleanOutputs);

    Target Restore => _ => _
        .Description("Restore NuGet packages")
        .Executes(ct => DotNet.RestoreAsync(s => s.SetProjectFile(Solution), ct));

    Target Compile => _ => _
        .Description("Build the solution")
        .DependsOn(Restore)
        .Executes(ct => DotNet.BuildAsync(s => s
            .SetProjectFile(Solution)
            .SetConfiguration(Configuration)
            .EnableNoRestore(), ct));

    Target Test => _ => _
        .Description("Run every test project; TRX results in artifacts/test-results")
        .DependsOn(Compile)
        .Executes(RunTestsAsync);

    Target Publish => _ => _
        .Description("Publish the service into artifacts/publish/Api, stamped with the version from git")
        .DependsOn(Compile)
        .Executes(PublishServiceAsync);

    [Parameter("Repository name of the service image (tags: version and commit)")]
    readonly string ImageRepository = "slipway/api";

    [Parameter("Base image of the service image; default: the official ASP.NET image, or a local one when that cannot be pulled")]
    readonly string? BaseImage;

    [Parameter("Registry that DockerPush pushes to, as host[:port], e.g. 127.0.0.1:5000")]
    readonly string? Registry;

    [Parameter("User name for --registry")]
    readonly string? RegistryUsername;

    [Parameter("Password or token for --registry"), Secret]
    readonly string? RegistryPassword;

    Target DockerBuild => _ => _
        .Description("Build the service image from the publish output; image id and tags in artifacts/image.json")
        .DependsOn(Publish)
        .Executes(BuildImageAsync);

    Target DockerPush => _ => _
        .Description("Push the image to --registry and record its digest (read back from the registry) in artifacts/image.json")
        .DependsOn(DockerBuild)
        .Requires(() => Registry)
        .Executes(PushImageAsync);
}
