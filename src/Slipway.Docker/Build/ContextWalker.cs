using System.IO.Enumeration;

namespace Slipway.Docker;

/// <summary>A file the context sends: where it is, its name in the tar (without a trailing <c>/</c>), what it is.</summary>
internal sealed record ContextFile(string FullPath, string Name, ContextFileStatus Status);

/// <summary>
/// The two walks the Docker CLI makes over a context directory, in its order (names sorted byte-wise, as Go's
/// walkers sort them). The check (<c>ValidateContextDirectory</c>) judges every path with its parents and skips
/// an excluded directory whole; the tar walk judges a path from its parent's results and still enters an
/// excluded directory when an exception's text starts with it, without sending the directory itself.
/// </summary>
internal static class ContextWalker
{
    /// <summary>
    /// The CLI's check before anything is sent: every pattern reached must be valid, and every file that will
    /// be sent must be readable. FIFOs are never opened (that would block), nor are devices here.
    /// </summary>
    public static void Check(string root, DockerIgnore ignore, CancellationToken cancellationToken)
    {
        Visit(root, "");

        void Visit(string directory, string relativeDirectory)
        {
            foreach (var (fullPath, name, isDirectory) in Children(directory))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var relative = relativeDirectory.Length == 0 ? name : relativeDirectory + "/" + name;
                if (ignore.IsExcluded(relative))
                {
                    continue;
                }

                if (isDirectory)
                {
                    Visit(fullPath, relative);
                }
                else if (ContextFileStatus.Of(fullPath).Kind == ContextFileKind.Regular)
                {
                    try
                    {
                        File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read).Dispose();
                    }
                    catch (UnauthorizedAccessException exception)
                    {
                        throw new UnauthorizedAccessException($"no permission to read from '{fullPath}': make it readable or list it in .dockerignore", exception);
                    }
                }
            }
        }
    }

    /// <summary>The CLI's tar walk: the files to send, parents before children.</summary>
    public static List<ContextFile> Walk(string root, DockerIgnore ignore, CancellationToken cancellationToken)
    {
        var files = new List<ContextFile>();
        Visit(root, "", null);
        return files;

        void Visit(string directory, string relativeDirectory, bool[]? parentMatched)
        {
            foreach (var (fullPath, name, isDirectory) in Children(directory))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var relative = relativeDirectory.Length == 0 ? name : relativeDirectory + "/" + name;
                var (excluded, matched) = ignore.IsExcludedGivenParent(relative, parentMatched);
                if (excluded)
                {
                    // An excluded directory is entered only when an exception's text names something in it.
                    if (isDirectory && ignore.HasExceptions && ignore.MayReincludeBelow(relative))
                    {
                        Visit(fullPath, relative, matched);
                    }

                    continue;
                }

                files.Add(new ContextFile(fullPath, relative, ContextFileStatus.Of(fullPath)));
                if (isDirectory)
                {
                    Visit(fullPath, relative, matched);
                }
            }
        }
    }

    /// <summary>
    /// The entries of <paramref name="directory"/> sorted by the bytes of their UTF-8 names, as Go sorts them,
    /// each with whether it is a directory (a link to one is not): decided from the directory listing, as Go's
    /// walker decides, so an excluded file is never looked at.
    /// </summary>
    private static IEnumerable<(string FullPath, string Name, bool IsDirectory)> Children(string directory) =>
        new FileSystemEnumerable<(string FullPath, string Name, bool IsDirectory)>(
                directory,
                (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.FileName.ToString(), entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) == 0),
                new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false })
            .OrderBy(child => child.Name, Utf8Order.Instance);

    /// <summary>Ordinal order of UTF-8 bytes, which is the order of code points (not of UTF-16 units).</summary>
    private sealed class Utf8Order : IComparer<string>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(string? x, string? y)
        {
            var left = (x ?? "").EnumerateRunes();
            var right = (y ?? "").EnumerateRunes();
            while (true)
            {
                var moreLeft = left.MoveNext();
                var moreRight = right.MoveNext();
                if (!moreLeft || !moreRight)
                {
                    return moreLeft.CompareTo(moreRight);
                }

                var order = left.Current.Value.CompareTo(right.Current.Value);
                if (order != 0)
                {
                    return order;
                }
            }
        }
    }
}
