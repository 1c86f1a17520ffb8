namespace Slipway.TestSupport;

/// <summary>The root of this repository (the directory with Solution.sln above the test binaries).</summary>
public static class RepositoryRoot
{
    public static AbsolutePath Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Solution.sln")))
            {
                return AbsolutePath.Create(directory.FullName);
            }
        }

        throw new InvalidOperationException("the repository root (with Solution.sln) is not above the test binaries");
    }
}
