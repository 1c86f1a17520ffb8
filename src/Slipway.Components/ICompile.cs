namespace Slipway.Components;

/// <summary><c>Compile</c>: builds the solution in the chosen configuration.</summary>
public interface ICompile : IRestore, IHazConfiguration
{
    Target Compile => _ => _
        .Description("Build the solution")
        .DependsOn<IRestore>(x => x.Restore)
        .Executes(ct => DotNet.BuildAsync(s => s
            .SetProjectFile(Solution)
            .SetConfiguration(Configuration)
            .EnableNoRestore(), ct));
}
