namespace Slipway;

public static class AbsolutePathExtensions
{
    /// <summary>Deletes each directory and everything in it (those that exist); returns how many it deleted.</summary>
    public static int DeleteDirectories(this IEnumerable<AbsolutePath> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var deleted = 0;
        foreach (var directory in directories.Where(d => d.DirectoryExists))
        {
            directory.DeleteDirectory();
            deleted++;
        }

        return deleted;
    }
}
