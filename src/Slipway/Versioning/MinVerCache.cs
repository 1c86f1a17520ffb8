using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Slipway.Processes;

namespace Slipway.Versioning;

/// <summary>
/// Remembers minver-cli's answer (a .NET process start, the slowest part of a build with nothing to do) under a
/// key made of everything that answer depends on: the commit, every tag and what it points to, MinVer's options,
/// the tool manifest and MINVER* variables. Any change is a new key, so the version is never stale; a shallow
/// clone (whose visible history can grow) is never cached. Lives in <c>.nuke/temp/minver-cache.json</c>.
/// </summary>
internal sealed class MinVerCache
{
    private readonly AbsolutePath file;

    private MinVerCache(AbsolutePath file) => this.file = file;

    /// <summary>A cache for a repository whose build keeps <c>.nuke/</c>; null elsewhere (tests' throw-away repositories).</summary>
    public static MinVerCache? For(AbsolutePath repository) =>
        (repository / ".nuke").DirectoryExists ? new MinVerCache(repository / ".nuke" / "temp" / "minver-cache.json") : null;

    public static async Task<string?> KeyAsync(ProcessRunner runner, AbsolutePath repository, GitFacts git, MinVerSettings settings, CancellationToken cancellationToken)
    {
        if (!git.InsideWorkTree || git.Commit is null || git.Shallow)
        {
            return null;
        }

        var tags = await runner.RunAsync(
            new ProcessSpec("git", ["show-ref", "--tags", "--dereference"]) { WorkingDirectory = repository, LogOutput = false, ThrowOnFailure = false },
            cancellationToken);
        if (tags.ExitCode is not (0 or 1))
        {
            return null;
        }

        var manifest = repository / ".config" / "dotnet-tools.json";
        var text = new StringBuilder()
            .AppendLine(git.Commit)
            .AppendLine(tags.StandardOutput)
            .AppendLine(string.Join(' ', settings.ToArguments()))
            .AppendLine(manifest.FileExists ? manifest.ReadAllText() : string.Empty);
        foreach (var variable in Environment.GetEnvironmentVariables().Keys.OfType<string>()
            .Where(k => k.StartsWith("MINVER", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            text.AppendLine(variable + "=" + Environment.GetEnvironmentVariable(variable));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public MinVerResult? Find(string key)
    {
        try
        {
            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(file));
            return entry?.Key == key ? new MinVerResult(entry.Version, entry.Warnings) : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Store(string key, MinVerResult result)
    {
        try
        {
            file.Parent!.CreateDirectory();
            File.WriteAllText(file, JsonSerializer.Serialize(new Entry(key, result.Version, [.. result.Warnings])));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs the next build a minver-cli run.
        }
    }

    private sealed record Entry(string Key, string Version, List<string> Warnings);
}
