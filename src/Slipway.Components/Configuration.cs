namespace Slipway.Components;

/// <summary>The MSBuild configuration: Debug on a developer's machine, Release on CI.</summary>
public enum Configuration
{
    Debug,
    Release,
}
