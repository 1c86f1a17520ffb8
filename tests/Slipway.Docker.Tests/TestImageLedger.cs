using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Slipway.Docker.Tests;

/// <summary>
/// Where the Docker tests write down, before making it, every image they will remove at the end: one file per test
/// process, named by its pid. A run stopped by Ctrl+C never reaches its clean-up, so the next run removes the
/// images of every ledger whose process is gone.
/// </summary>
public sealed class TestImageLedger(string directory, int processId)
{
    public static TestImageLedger ForThisProcess() => new(Path.Combine(Path.GetTempPath(), "slipway-docker-tests-images"), Environment.ProcessId);

    private string File => Path.Combine(directory, processId.ToString(CultureInfo.InvariantCulture) + ".txt");

    public void Add(IEnumerable<string> images)
    {
        Directory.CreateDirectory(directory);
        System.IO.File.AppendAllLines(File, images);
    }

    /// <summary>Once this process removed its images itself.</summary>
    public void Close() => System.IO.File.Delete(File);

    /// <summary>Removes the images of ledgers whose process no longer runs, then those ledgers; returns what it removed.</summary>
    public async Task<IReadOnlyList<string>> RemoveLeftoversAsync(DockerEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var removed = new List<string>();
        if (!Directory.Exists(directory))
        {
            return removed;
        }

        foreach (var ledger in Directory.EnumerateFiles(directory, "*.txt"))
        {
            if (!int.TryParse(Path.GetFileNameWithoutExtension(ledger), NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
                || owner == processId || Directory.Exists($"/proc/{owner}"))
            {
                continue;
            }

            foreach (var image in (await System.IO.File.ReadAllLinesAsync(ledger, cancellationToken)).Distinct(StringComparer.Ordinal).Reverse())
            {
                try
                {
                    await engine.Client.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = true }, cancellationToken);
                    removed.Add(image);
                }
                catch (DockerApiException)
                {
                    // Already gone: the run got as far as removing it, or another tag of the same image took it.
                }
            }

            System.IO.File.Delete(ledger);
        }

        return removed;
    }
}
