using Slipway.Targets;

namespace Slipway.Planning;

/// <summary>The targets to run, in order; those skipped before the start carry their status and reason.</summary>
internal sealed record ExecutionPlan(IReadOnlyList<ExecutableTarget> Targets);
