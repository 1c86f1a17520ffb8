namespace Slipway.Tools.AwsModelGenerator;

internal static class RepositoryRoot
{
    /// <summary>The nearest folder upwards that holds <c>Solution.sln</c>.</summary>
    public static string Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Solution.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Solution.sln above {start}: pass the repository root as the first argument.");
    }
}
