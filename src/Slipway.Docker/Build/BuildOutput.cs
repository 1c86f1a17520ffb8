using System.Text;
using Docker.DotNet.Models;
using Slipway.Output;

namespace Slipway.Docker;

/// <summary>
/// Reads the classic builder's JSON stream: writes each output line to the log as it arrives, remembers the
/// current step (to name it when a step fails), the error, the image ID from the <c>aux</c> message, and
/// how many steps the cache served. Implements <see cref="IProgress{T}"/> synchronously: Docker.DotNet calls
/// it in stream order, while <see cref="Progress{T}"/> would post lines to the thread pool out of order.
/// </summary>
internal sealed class BuildOutput(ILog log) : IProgress<JSONMessage>
{
    private readonly StringBuilder partial = new();
    private readonly List<string> rebuilt = [];
    private bool sawFrom;
    private string? currentInstruction;
    private bool currentCached;

    public string? Step { get; private set; }

    public int Steps { get; private set; }

    public int CachedSteps { get; private set; }

    public string? Error { get; private set; }

    public string? ImageId { get; private set; }

    /// <summary>
    /// The instructions the cache did not serve, after <c>FROM</c> (the base image and the arguments before it
    /// are never "from cache"): empty when the image is what an earlier build made.
    /// </summary>
    public IReadOnlyList<string> RebuiltSteps
    {
        get
        {
            CloseStep();
            return rebuilt;
        }
    }

    /// <summary>The image of the last step that completed (" ---> 1a2b3c"): what a failed build leaves behind.</summary>
    public string? LastStepImage { get; private set; }

    public void Report(JSONMessage value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Aux?.ExtensionData is { } aux && aux.TryGetValue("ID", out var id) && id?.ToString() is { Length: > 0 } imageId)
        {
            ImageId = imageId;
        }

        if (!string.IsNullOrEmpty(value.Stream))
        {
            partial.Append(value.Stream);
            Flush(complete: false);
        }

        if (!string.IsNullOrEmpty(value.Status))
        {
            log.Information(value.ID is null ? value.Status : $"{value.ID}: {value.Status}");
        }

        var error = value.Error?.Message is { Length: > 0 } detail ? detail : value.ErrorMessage;
        if (!string.IsNullOrEmpty(error))
        {
            Flush(complete: true);
            Error = error.Trim();
            log.Error(Error);
        }
    }

    private static bool IsIntermediateContainerLine(string line)
    {
        var trimmed = line.Trim();
        return trimmed.StartsWith("---> Running in ", StringComparison.Ordinal) || trimmed.StartsWith("Removing intermediate container ", StringComparison.Ordinal);
    }

    private void CloseStep()
    {
        if (currentInstruction is not null && !currentCached)
        {
            rebuilt.Add(currentInstruction);
        }

        currentInstruction = null;
    }

    /// <summary>Writes what is left of an unterminated last line.</summary>
    public void Complete() => Flush(complete: true);

    internal void Line(string line)
    {
        if (line.StartsWith("Step ", StringComparison.Ordinal))
        {
            CloseStep();
            Step = line;
            Steps++;
            var instruction = line.IndexOf(" : ", StringComparison.Ordinal) is var colon and > 0 ? line[(colon + 3)..].Trim() : line;
            var isFrom = instruction.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase);
            currentInstruction = sawFrom && !isFrom ? instruction : null;
            currentCached = false;
            sawFrom |= isFrom;
        }
        else if (line.Trim() == "---> Using cache")
        {
            CachedSteps++;
            currentCached = true;
        }
        else if (IsIntermediateContainerLine(line))
        {
            // Eighteen of these per build say nothing a reader needs: only at --verbosity verbose.
            log.Debug(line);
            return;
        }
        else if (line.StartsWith(" ---> ", StringComparison.Ordinal) && line.Length > 6 && line.IndexOf(' ', 6) < 0)
        {
            LastStepImage = line[6..];
        }
        else if (line.StartsWith("Successfully built ", StringComparison.Ordinal) && ImageId is null)
        {
            ImageId = line["Successfully built ".Length..].Trim();
        }

        log.Information(line);
    }

    private void Flush(bool complete)
    {
        var text = partial.ToString();
        var end = complete ? text.Length : text.LastIndexOf('\n') + 1;
        if (end <= 0)
        {
            return;
        }

        foreach (var line in text[..end].Split('\n'))
        {
            var trimmed = line.TrimEnd('\r', ' ');
            if (trimmed.Length > 0)
            {
                Line(trimmed);
            }
        }

        partial.Remove(0, end);
    }
}
