using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Slipway.Components.UpToDate;

/// <summary>
/// The project files a build of some solutions or projects reads: a solution's projects (<c>.sln</c>, <c>.slnx</c>),
/// and each project with its <c>ProjectReference</c>s, transitively. Read from the files, without MSBuild: it runs
/// on every up-to-date check and must cost milliseconds.
/// </summary>
internal static partial class MsBuildProjects
{
    public static IReadOnlyList<AbsolutePath> Closure(IEnumerable<AbsolutePath> solutionsOrProjects)
    {
        var found = new List<AbsolutePath>();
        var pending = new Stack<AbsolutePath>(solutionsOrProjects.SelectMany(Expand).Reverse());
        while (pending.TryPop(out var project))
        {
            if (found.Contains(project))
            {
                continue;
            }

            found.Add(project);
            foreach (var reference in References(project))
            {
                pending.Push(reference);
            }
        }

        return found;
    }

    private static IEnumerable<AbsolutePath> Expand(AbsolutePath path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".sln" => SlnProject().Matches(File.ReadAllText(path))
                .Select(m => m.Groups["path"].Value)
                .Where(p => p.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
                .Select(p => Resolve(path.Parent!, p)),
            ".slnx" => XDocument.Load(path).Descendants("Project")
                .Select(e => (string?)e.Attribute("Path"))
                .OfType<string>()
                .Select(p => Resolve(path.Parent!, p)),
            _ => [path],
        };

    private static IEnumerable<AbsolutePath> References(AbsolutePath project) =>
        project.FileExists
            ? XDocument.Load(project).Descendants()
                .Where(e => e.Name.LocalName == "ProjectReference")
                .Select(e => (string?)e.Attribute("Include"))
                .OfType<string>()
                .Select(p => Resolve(project.Parent!, p))
            : [];

    private static AbsolutePath Resolve(AbsolutePath directory, string relative) =>
        AbsolutePath.Create(Path.GetFullPath(Path.Combine(directory, relative.Replace('\\', Path.DirectorySeparatorChar))));

    [GeneratedRegex("^Project\\(\"[^\"]*\"\\)\\s*=\\s*\"[^\"]*\",\\s*\"(?<path>[^\"]+)\"", RegexOptions.Multiline)]
    private static partial Regex SlnProject();
}
