using System.Reflection;
using Slipway.Output;

namespace Slipway.Generation;

/// <summary>The one list of generated files: found on the build and its components, written when changed, checked on CI.</summary>
internal static class GeneratedFiles
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>The engine's own files first, then those the build class and its components declare, each path once.</summary>
    public static IReadOnlyList<GeneratedFile> Discover(object build, IEnumerable<GeneratedFile> engineFiles)
    {
        var files = new List<GeneratedFile>(engineFiles);
        var types = new List<Type>();
        for (var type = build.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            types.Add(type);
        }

        types.AddRange(build.GetType().GetInterfaces());
        foreach (var property in types.SelectMany(t => t.GetProperties(Members)).Where(p => p.GetIndexParameters().Length == 0))
        {
            if (property.PropertyType == typeof(GeneratedFile))
            {
                files.Add((GeneratedFile)property.GetValue(build)!);
            }
            else if (typeof(IEnumerable<GeneratedFile>).IsAssignableFrom(property.PropertyType))
            {
                files.AddRange((IEnumerable<GeneratedFile>?)property.GetValue(build) ?? []);
            }
        }

        return [.. files.DistinctBy(f => Normalize(f.RelativePath))];
    }

    /// <summary>Writes each file whose content changed (start-up stays free of needless writes).</summary>
    public static void WriteChanged(IReadOnlyList<GeneratedFile> files, AbsolutePath root)
    {
        foreach (var file in files)
        {
            var path = AbsolutePath.Resolve(file.RelativePath, root);
            var content = file.Content();
            if (!path.FileExists || path.ReadAllText() != content)
            {
                path.WriteAllText(content);
            }
        }
    }

    /// <summary>Compares each file with what the build would write, writing nothing; returns the exit code (0 or 1).</summary>
    public static int Check(IReadOnlyList<GeneratedFile> files, AbsolutePath root, ConsoleLog log)
    {
        var stale = new List<string>();
        foreach (var file in files)
        {
            var path = AbsolutePath.Resolve(file.RelativePath, root);
            var state = !path.FileExists ? "missing" : path.ReadAllText().ReplaceLineEndings("\n") != file.Content() ? "stale" : null;
            if (state is null)
            {
                log.Information($"up to date: {file.RelativePath}");
            }
            else
            {
                stale.Add($"{file.RelativePath} ({state})");
                var committed = path.FileExists ? path.ReadAllText().ReplaceLineEndings("\n") : string.Empty;
                log.WriteRaw(Workflows.LineDiff.Unified(committed, file.Content(), path.FileExists ? $"a/{file.RelativePath} (committed)" : "/dev/null", $"b/{file.RelativePath} (generated)"));
            }
        }

        if (stale.Count == 0)
        {
            log.Information($"All {files.Count} generated files are up to date.");
            return ExitCodes.Success;
        }

        log.Error($"Generated files differ from what the build generates: {string.Join(", ", stale)}. Run ./build.sh --help (every run regenerates them) and commit the result.");
        return ExitCodes.TargetFailed;
    }

    private static string Normalize(string relativePath) => relativePath.Replace('\\', '/').TrimStart('.', '/');
}
