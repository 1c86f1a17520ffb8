namespace Slipway.Workflows;

/// <summary>Choices made from file names: <c>deploy/environments/*.json</c> gives <c>production</c>, <c>staging</c>.</summary>
internal static class OptionFiles
{
    public static List<string> Find(AbsolutePath root, string pattern)
    {
        var directory = AbsolutePath.Resolve(Path.GetDirectoryName(pattern) is { Length: > 0 } d ? d : ".", root);
        if (!directory.DirectoryExists)
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(directory, Path.GetFileName(pattern))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];
    }
}
