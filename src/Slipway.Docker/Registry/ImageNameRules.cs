using System.Text.RegularExpressions;

namespace Slipway.Docker;

/// <summary>
/// The grammar of image references as the distribution project defines it (and docker, registries and ECR
/// enforce): checked before a build starts, so a bad name is an error in the user's words, not Docker's
/// "invalid reference format" after the publish. Each method returns the problem, or null when the text fits.
/// </summary>
public static partial class ImageNameRules
{
    private const int MaxNameLength = 255;

    /// <summary>A registry host: <c>host[:port]</c>, no scheme, no path.</summary>
    public static string? RegistryProblem(string registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (registry.Contains("://", StringComparison.Ordinal))
        {
            return "a registry is a host, without a scheme such as https://";
        }

        if (registry.Contains('/', StringComparison.Ordinal))
        {
            return "a registry is a host without a path (the repository is --image-repository)";
        }

        return Domain().IsMatch(registry) ? null : "it is not a host name or IP address with an optional :port";
    }

    /// <summary>A repository name: lowercase path components separated by <c>/</c>, no registry, tag or digest.</summary>
    public static string? RepositoryProblem(string repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (repository.Contains('@', StringComparison.Ordinal) || repository.Contains(':', StringComparison.Ordinal))
        {
            return "a repository name has no tag, digest or port (the tags are the version and the commit)";
        }

        if (repository.Length > MaxNameLength)
        {
            return $"it is longer than {MaxNameLength} characters";
        }

        if (repository.Any(char.IsUpper))
        {
            return "repository names are lowercase";
        }

        return Path().IsMatch(repository)
            ? null
            : "each part between '/' must be lowercase letters and digits, separated by '.', '_', '__' or '-'";
    }

    /// <summary>A full reference: <c>[registry/]repository[:tag][@sha256:…]</c>.</summary>
    public static string? ReferenceProblem(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var match = Reference().Match(reference);
        if (!match.Success)
        {
            if (reference.Any(char.IsUpper) && Reference().IsMatch(reference.ToLowerInvariant()))
            {
                return "repository names are lowercase";
            }

            return "it is not of the form [registry/]repository[:tag][@sha256:digest]";
        }

        return match.Groups["name"].Length > MaxNameLength ? $"its name is longer than {MaxNameLength} characters" : null;
    }

    private const string DomainPattern = @"(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[0-9a-fA-F:]+\])(?::[0-9]{1,5})?";
    private const string ComponentPattern = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
    private const string PathPattern = ComponentPattern + "(?:/" + ComponentPattern + ")*";

    [GeneratedRegex("^" + DomainPattern + "$")]
    private static partial Regex Domain();

    [GeneratedRegex("^" + PathPattern + "$")]
    private static partial Regex Path();

    [GeneratedRegex("^(?<name>(?:" + DomainPattern + "/)?" + PathPattern + @")(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$")]
    private static partial Regex Reference();
}
