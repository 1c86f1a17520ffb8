namespace Slipway.Components;

/// <summary>The <c>--configuration</c> parameter: Debug locally, Release on CI unless given.</summary>
public interface IHazConfiguration : INukeBuild
{
    [Parameter("Debug or Release (Debug locally, Release on CI)")]
    Configuration Configuration => TryGetValue<Configuration>(() => Configuration) ?? (NukeBuild.IsLocalBuild ? Configuration.Debug : Configuration.Release);
}
