using Slipway.Components;

/// <summary>
/// The pipeline of this repository, composed from the components in src/Slipway.Components: each brings its
/// targets and parameters. What stays here is what only this repository knows: its solution, the service it
/// ships, the tests of that service, and the name of its image.
/// </summary>
sealed partial class Build : NukeBuild, IClean, IRestore, ICompile, ITest, IPublish, IDockerImage, IDockerPush
{
    public static int Main() => Execute<Build>(x => x.From<ITest>().Test);

    AbsolutePath IHazSolution.Solution => RootDirectory / "Solution.sln";

    AbsolutePath IPublish.PublishProject => RootDirectory / "src" / "Api" / "Api.csproj";

    IEnumerable<AbsolutePath> ITest.ServiceTestProjects => [RootDirectory / "tests" / "Api.Tests" / "Api.Tests.csproj"];

    string IDockerImage.DefaultImageRepository => "slipway/api";
}
