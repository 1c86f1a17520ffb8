using System.Text;

namespace Slipway.Docker;

/// <summary>Turns a version and a commit into valid Docker tags (<c>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}</c>).</summary>
public static class ImageTags
{
    /// <summary>
    /// <c>&lt;repository&gt;:&lt;version&gt;</c> and <c>&lt;repository&gt;:&lt;commit&gt;</c>; SemVer build metadata's
    /// <c>+</c> becomes <c>-</c> because tags cannot hold it.
    /// </summary>
    public static IReadOnlyList<string> For(string repository, string version, string commit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        var tags = new List<string> { $"{repository}:{Sanitize(version)}" };
        var commitTag = $"{repository}:{Sanitize(commit)}";
        if (!tags.Contains(commitTag))
        {
            tags.Add(commitTag);
        }

        return tags;
    }

    /// <summary>Replaces characters a tag cannot contain with <c>-</c> and trims it to 128 characters.</summary>
    public static string Sanitize(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var tag = new StringBuilder(value.Length);
        foreach (var ch in value)
        {
            tag.Append(char.IsAsciiLetterOrDigit(ch) || ch is '_' or '.' or '-' ? ch : '-');
        }

        if (tag[0] is '.' or '-')
        {
            tag.Insert(0, '_');
        }

        // Stryker disable once Equality : a tag of exactly 128 characters cut to 128 is the same tag
        return tag.Length > 128 ? tag.ToString(0, 128) : tag.ToString();
    }
}
