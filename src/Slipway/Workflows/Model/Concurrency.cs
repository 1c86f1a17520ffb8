namespace Slipway.Workflows.Model;

internal sealed record Concurrency(string Group, bool CancelInProgress);
