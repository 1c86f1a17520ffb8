namespace Slipway.Workflows.Model;

/// <summary>One <c>scope: level</c> line of a permissions block.</summary>
internal sealed record Permission(string Scope, string Level);
