using Slipway.Workflows.Model;

namespace Slipway.Workflows;

/// <summary>Reads <c>scope: level</c> permission lines against the scopes GitHub Actions knows.</summary>
internal static class PermissionParser
{
    public static readonly IReadOnlyList<string> Scopes =
    [
        "actions", "attestations", "checks", "contents", "deployments", "discussions", "id-token", "issues",
        "packages", "pages", "pull-requests", "repository-projects", "security-events", "statuses",
    ];

    private static readonly string[] Levels = ["read", "write", "none"];

    public static List<Permission> Parse(IEnumerable<string> lines, string where, DeclarationProblems problems)
    {
        var permissions = new List<Permission>();
        foreach (var line in lines)
        {
            var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                problems.Error(where, $"permission '{line}' is not 'scope: level' (e.g. 'contents: read').");
                continue;
            }

            var (scope, level) = (parts[0], parts[1]);
            if (!Scopes.Contains(scope))
            {
                var close = Text.ClosestMatch.Find(scope, Scopes);
                problems.Error(where, $"permission scope '{scope}' does not exist.{(close is null ? string.Empty : $" Did you mean '{close}'?")} Scopes: {string.Join(", ", Scopes)}.");
                continue;
            }

            if (!Levels.Contains(level))
            {
                problems.Error(where, $"permission level '{level}' of '{scope}' is not read, write or none.");
                continue;
            }

            if (permissions.Any(p => p.Scope == scope))
            {
                problems.Error(where, $"permission scope '{scope}' is given twice.");
                continue;
            }

            permissions.Add(new Permission(scope, level));
        }

        return permissions;
    }
}
