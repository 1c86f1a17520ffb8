namespace Slipway.Components;

/// <summary><c>Restore</c>: NuGet packages of the solution.</summary>
public interface IRestore : IHazSolution
{
    Target Restore => _ => _
        .Description("Restore NuGet packages")
        .Executes(ct => DotNet.RestoreAsync(s => s.SetProjectFile(Solution), ct));
}
