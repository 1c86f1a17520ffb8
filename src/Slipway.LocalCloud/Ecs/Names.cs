using System.Text.RegularExpressions;

namespace Slipway.LocalCloud.Ecs;

/// <summary>How ECS reads names and ARNs in requests.</summary>
internal static partial class Names
{
    /// <summary>Cluster, service and family names: 1–255 of letters, digits, hyphens and underscores (\z: $ would let a trailing newline through).</summary>
    public static bool IsValidResourceName(string name) => ResourceName().IsMatch(name);

    /// <summary>The name in a name-or-ARN (<c>arn:...:cluster/NAME</c>, <c>arn:...:service/CLUSTER/NAME</c>).</summary>
    public static string LastSegment(string reference)
    {
        if (!reference.StartsWith("arn:", StringComparison.Ordinal))
        {
            return reference;
        }

        var slash = reference.LastIndexOf('/');
        return slash < 0 ? reference : reference[(slash + 1)..];
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,255}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceName();
}
