namespace Slipway;

/// <summary>
/// A build target, declared as a property: <c>Target Compile =&gt; _ =&gt; _.DependsOn(Restore).Executes(...)</c>.
/// The delegate's method identifies the target, so <c>DependsOn(Restore)</c> can refer to the property itself.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition definition);
