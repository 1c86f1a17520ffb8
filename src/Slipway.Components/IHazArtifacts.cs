namespace Slipway.Components;

/// <summary>Where targets put what they produce (test results, publish output, records): ignored by git, deleted by Clean.</summary>
public interface IHazArtifacts : INukeBuild
{
    AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";
}
