using System.Reflection;
using System.Text.Json;
using Slipway.Processes;

namespace Slipway.Components;

/// <summary>
/// <c>--check-updates</c>: asks the repository's NuGet feeds whether a newer Slipway than the build references is
/// there, and says how to move to it. Only when asked: a build never goes to a feed on its own.
/// </summary>
public interface ISlipwayUpdates : IRestore
{
    [Parameter("Say whether the NuGet feeds have a newer Slipway than build/_build.csproj references (asks the feeds only then)")]
    bool CheckUpdates => TryGetValue<bool>(() => CheckUpdates) ?? false;

    /// <summary>The build project, whose Slipway package references are compared with the feeds.</summary>
    AbsolutePath BuildProjectFile => RootDirectory / "build" / "_build.csproj";

    Target SlipwayUpdates => _ => _
        .Description("With --check-updates: say whether the feeds have a newer Slipway than the build references")
        .Unlisted()
        .DependentFor<IRestore>(x => x.Restore)
        .OnlyWhenStatic(() => CheckUpdates)
        .Executes(async ct =>
        {
            // Prereleases count as updates only for a build that references one.
            string[] prerelease = IsPrerelease() ? ["--include-prerelease"] : [];
            var listed = await Processes.RunAsync(
                new ProcessSpec("dotnet", ["list", BuildProjectFile, "package", "--outdated", "--format", "json", .. prerelease]) { WorkingDirectory = RootDirectory, LogOutput = false },
                ct);
            var updates = SlipwayUpdateList.Parse(listed.StandardOutput);
            foreach (var update in updates)
            {
                Log.Information($"{update.Id} {update.Latest} is in your feed (the build references {update.Resolved}): set SlipwayVersion in {BuildProjectFile.RelativeTo(RootDirectory)} to {update.Latest}.");
            }

            ReportSummary(updates.Count == 0 ? "Slipway is up to date" : $"Slipway {updates[0].Latest} is available");
        });

    private static bool IsPrerelease() =>
        typeof(ISlipwayUpdates).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0].Contains('-', StringComparison.Ordinal) ?? false;
}

/// <summary>One Slipway package with a newer version in the feeds.</summary>
internal sealed record SlipwayUpdate(string Id, string Resolved, string Latest);

/// <summary>The Slipway packages in the JSON of <c>dotnet list package --outdated --format json</c>.</summary>
internal static class SlipwayUpdateList
{
    public static IReadOnlyList<SlipwayUpdate> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var updates = new List<SlipwayUpdate>();
        foreach (var project in Items(document.RootElement, "projects"))
        {
            foreach (var framework in Items(project, "frameworks"))
            {
                foreach (var package in Items(framework, "topLevelPackages"))
                {
                    var id = package.GetProperty("id").GetString() ?? string.Empty;
                    if (id.StartsWith("Slipway.", StringComparison.OrdinalIgnoreCase)
                        && package.TryGetProperty("latestVersion", out var latest) && latest.GetString() is { } latestVersion
                        && package.TryGetProperty("resolvedVersion", out var resolved) && resolved.GetString() is { } resolvedVersion
                        && !string.Equals(latestVersion, resolvedVersion, StringComparison.OrdinalIgnoreCase)
                        && updates.All(u => u.Id != id))
                    {
                        updates.Add(new SlipwayUpdate(id, resolvedVersion, latestVersion));
                    }
                }
            }
        }

        return updates;
    }

    private static JsonElement[] Items(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray()] : [];
}
