namespace Slipway.Components;

/// <summary>The solution the .NET targets restore, build and test.</summary>
public interface IHazSolution : INukeBuild
{
    /// <summary>The only <c>*.sln</c> or <c>*.slnx</c> in the repository root; a build with several names one.</summary>
    AbsolutePath Solution
    {
        get
        {
            var found = RootDirectory.GlobFiles("*.sln", "*.slnx");
            return found.Count == 1
                ? found[0]
                : throw new InvalidOperationException(
                    $"{(found.Count == 0 ? "No" : found.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} solution files in {RootDirectory}: "
                    + "name the one to build in the build class (AbsolutePath IHazSolution.Solution => RootDirectory / \"X.sln\";).");
        }
    }
}
