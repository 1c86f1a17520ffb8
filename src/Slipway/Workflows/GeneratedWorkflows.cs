using Slipway.Parameters;
using Slipway.Targets;

namespace Slipway.Workflows;

/// <summary>
/// The files under <c>.github/workflows</c> that the build's declarations produce, and how they compare with the
/// files on disk: rewrite them, or list what differs with a diff.
/// </summary>
internal sealed class GeneratedWorkflows
{
    public const string Directory = ".github/workflows";

    private GeneratedWorkflows(AbsolutePath root, IReadOnlyList<WorkflowFile> files, IReadOnlyList<string> warnings)
    {
        Root = root;
        Files = files;
        Warnings = warnings;
    }

    public AbsolutePath Root { get; }

    public IReadOnlyList<WorkflowFile> Files { get; }

    public IReadOnlyList<string> Warnings { get; }

    public AbsolutePath WorkflowDirectory => Root / Directory;

    public static GeneratedWorkflows Generate(object build, AbsolutePath root)
    {
        var targets = TargetDiscovery.Discover(build).Select(t => t.Name).ToList();
        return Generate(build.GetType(), targets, ParameterMember.Discover(build.GetType()), root);
    }

    /// <summary>The workflows of a build that declares any; null (and no cost) for one that declares none.</summary>
    public static GeneratedWorkflows? GenerateIfDeclared(object build, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterMember> parameters, AbsolutePath root) =>
        WorkflowDeclarations.HasAny(build.GetType())
            ? Generate(build.GetType(), [.. targets.Select(t => t.Name)], parameters, root)
            : null;

    /// <summary>No workflow: what a build without declarations generates (so leftovers can be found).</summary>
    public static GeneratedWorkflows None(AbsolutePath root) => new(root, [], []);

    /// <summary>The workflows as entries of the engine's one list of generated files.</summary>
    public IEnumerable<GeneratedFile> AsGeneratedFiles() => Files.Select(f => new GeneratedFile(f.RelativePath, () => f.Content));

    public static GeneratedWorkflows Generate(Type buildType, IReadOnlyList<string> targets, IReadOnlyList<ParameterMember> parameters, AbsolutePath root)
    {
        var declared = WorkflowDeclarations.Read(buildType, targets, parameters, root);
        var files = declared.Workflows
            .Select(w => new WorkflowFile($"{Directory}/{w.FileName}", WorkflowYaml.Write(w)))
            .ToList();
        return new GeneratedWorkflows(root, files, declared.Warnings);
    }

    /// <summary>Writes every file that differs and deletes generated files whose declaration is gone.</summary>
    public IReadOnlyList<string> Write()
    {
        var changes = new List<string>();
        foreach (var difference in Compare())
        {
            var file = Root / difference.Path;
            if (difference.Expected is null)
            {
                File.Delete(file);
                changes.Add($"Deleted {difference.Path} (no declaration produces it any more)");
            }
            else
            {
                file.WriteAllText(difference.Expected);
                changes.Add($"{(difference.Actual is null ? "Created" : "Updated")} {difference.Path}");
            }
        }

        return changes;
    }

    /// <summary>Files on disk that are not what the declarations produce: changed, missing, or left over.</summary>
    public IReadOnlyList<FileDifference> Compare()
    {
        var differences = new List<FileDifference>();
        foreach (var file in Files)
        {
            var path = Root / file.RelativePath;
            var actual = path.FileExists ? path.ReadAllText() : null;
            if (actual != file.Content)
            {
                differences.Add(new FileDifference(file.RelativePath, file.Content, actual));
            }
        }

        if (WorkflowDirectory.DirectoryExists)
        {
            foreach (var leftover in System.IO.Directory.EnumerateFiles(WorkflowDirectory, "*.y*ml").Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(Root, leftover).Replace('\\', '/');
                var text = File.ReadAllText(leftover);
                if (Files.All(f => f.RelativePath != relative) && text.StartsWith(WorkflowYaml.HeaderMarker, StringComparison.Ordinal))
                {
                    differences.Add(new FileDifference(relative, null, text));
                }
            }
        }

        return differences;
    }
}

/// <summary>A generated workflow: its path relative to the repository, with '/', and its text.</summary>
internal sealed record WorkflowFile(string RelativePath, string Content);

/// <summary>A file whose text on disk (<see cref="Actual"/>, null when missing) is not what the generator makes
/// (<see cref="Expected"/>, null when no declaration makes it).</summary>
internal sealed record FileDifference(string Path, string? Expected, string? Actual)
{
    public string Describe() =>
        Expected is null ? $"{Path} was generated, but no declaration produces it any more."
        : Actual is null ? $"{Path} is missing."
        : $"{Path} is not what the declarations generate.";

    public string Diff() => LineDiff.Unified(Actual ?? string.Empty, Expected ?? string.Empty, Actual is null ? "/dev/null" : $"a/{Path} (committed)", Expected is null ? "/dev/null" : $"b/{Path} (generated)");
}
