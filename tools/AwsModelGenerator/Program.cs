using Slipway.Tools.AwsModelGenerator;

// Usage: dotnet run --project tools/AwsModelGenerator [-- <repository root>]
// Regenerates the ECR/ECS model of src/Slipway.Aws from aws-models/*.service-2.json and deletes generated files
// that the model no longer produces.
var root = args.Length > 0 ? Path.GetFullPath(args[0]) : RepositoryRoot.Find(Directory.GetCurrentDirectory());
var files = ModelGenerator.GenerateAll(Path.Combine(root, "tools", "AwsModelGenerator", "aws-models"));
var written = 0;
foreach (var file in files)
{
    var path = Path.Combine(root, file.Path);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    if (!File.Exists(path) || File.ReadAllText(path) != file.Content)
    {
        File.WriteAllText(path, file.Content);
        written++;
    }
}

var expected = files.Select(f => Path.GetFullPath(Path.Combine(root, f.Path))).ToHashSet(StringComparer.Ordinal);
var deleted = 0;
foreach (var directory in ModelGenerator.OutputDirectories.Select(d => Path.Combine(root, d)).Where(Directory.Exists))
{
    foreach (var stale in Directory.GetFiles(directory, "*.g.cs").Where(f => !expected.Contains(Path.GetFullPath(f))))
    {
        File.Delete(stale);
        deleted++;
    }
}

Console.WriteLine($"{files.Count} generated files: {written} written, {files.Count - written} unchanged, {deleted} stale deleted.");
