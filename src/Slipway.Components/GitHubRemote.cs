using System.Text.RegularExpressions;

namespace Slipway.Components;

/// <summary><c>owner/name</c> of a GitHub remote URL (https or ssh), or null for any other remote.</summary>
internal static partial class GitHubRemote
{
    public static string? OwnerAndName(string? url) =>
        url is not null && GitHubUrl().Match(url) is { Success: true } match ? match.Groups["repository"].Value : null;

    [GeneratedRegex(@"^(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)(?<repository>[\w.-]+/[\w.-]+?)(?:\.git)?/?$")]
    private static partial Regex GitHubUrl();
}
