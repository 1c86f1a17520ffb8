using System.Globalization;

namespace Slipway.Catalogue.Tests;

/// <summary>
/// The images the catalogue makes on the engine: each carries the label <see cref="OwnerLabel"/> with the test
/// process's pid (images built on top of one inherit it), so what a run interrupted by Ctrl+C left behind is
/// found and removed when the next run starts, and no image of anyone else is touched.
/// </summary>
internal static class CatalogueImages
{
    public const string OwnerLabel = "slipway.catalogue.owner";

    /// <summary>A tiny image from nothing (one file), labelled with this process as its owner; its id.</summary>
    public static async Task<string> ScratchImageAsync(string tag, string workDirectory)
    {
        var context = Path.Combine(workDirectory, "scratch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(context);
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), $"FROM scratch\nLABEL {OwnerLabel}={Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}\nCOPY hello /hello\n");
        await File.WriteAllTextAsync(Path.Combine(context, "hello"), "hello\n");
        await DockerAsync(["build", "-q", "--network", "host", "-t", tag, context]);
        return (await DockerAsync(["image", "inspect", "--format", "{{.Id}}", tag])).Trim();
    }

    /// <summary>Removes the images of earlier catalogue runs whose process is gone (interrupted before they cleaned up).</summary>
    public static Task RemoveLeftoversAsync() => RemoveAsync(pid => !IsRunning(pid));

    /// <summary>
    /// Removes every image this process made: the base images, the builds on them (tagged, pushed under a registry's
    /// name, or left untagged by a later build).
    /// </summary>
    public static Task RemoveOwnAsync() => RemoveAsync(pid => pid == Environment.ProcessId);

    private static async Task RemoveAsync(Func<int, bool> chosen)
    {
        var labelled = (await DockerAsync(["images", "--all", "--quiet", "--no-trunc", "--filter", $"label={OwnerLabel}"]))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (labelled.Count == 0)
        {
            return;
        }

        // The image list cannot print a label's value; inspect can. An image removed meanwhile is no error.
        var listed = await DockerAsync(["image", "inspect", "--format", $"{{{{.Id}}}} {{{{index .Config.Labels \"{OwnerLabel}\"}}}}", .. labelled], failOnError: false);
        var images = listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && chosen(pid))
            .Select(parts => parts[0])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (images.Count > 0)
        {
            await DockerAsync(["rmi", "-f", .. images], failOnError: false);
        }
    }

    /// <summary>The Docker CLI with the classic builder, as the build uses (no buildx needed).</summary>
    public static Task<string> DockerAsync(string[] args, bool failOnError = true) =>
        CatalogueClone.RunToolAsync("docker", args, Environment.CurrentDirectory, failOnError, new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "0" });

    /// <summary>A process of this machine that has not ended (a test host, for the images it owns).</summary>
    private static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");
}
