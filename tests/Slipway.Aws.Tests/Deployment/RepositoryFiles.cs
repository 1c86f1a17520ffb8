using System.Runtime.CompilerServices;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>Paths in this repository (deploy/…), found from this source file, and temp copies to break.</summary>
internal static class RepositoryFiles
{
    public static string Root([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    public static string Deploy(string relative) => Path.Combine(Root(), "deploy", relative);

    /// <summary>A temp directory with environment files written from (name, text) pairs.</summary>
    public static string Environments(params (string Name, string Json)[] files)
    {
        var directory = Directory.CreateTempSubdirectory("slipway-env-").FullName;
        foreach (var (name, json) in files)
        {
            File.WriteAllText(Path.Combine(directory, name + ".json"), json);
        }

        return directory;
    }
}
