using Docker.DotNet.Models;
using Slipway.Output;

namespace Slipway.Docker;

/// <summary>
/// Reads the engine's push stream: one line per layer state change, upload progress at most every 10% or
/// 2 s per layer, the bytes really uploaded (layers the registry already had count zero), the digest the
/// engine printed, and any error. Synchronous, like <see cref="BuildOutput"/>, so lines stay in order.
/// </summary>
internal sealed class PushProgress(ILog log, TimeProvider timeProvider) : IProgress<JSONMessage>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly Dictionary<string, Layer> layers = new(StringComparer.Ordinal);

    public string? Error { get; private set; }

    public string? Digest { get; private set; }

    public long UploadedBytes => layers.Values.Where(l => l.Pushed).Sum(l => l.Total);

    public int PushedLayers => layers.Values.Count(l => l.Pushed);

    public int ExistingLayers => layers.Values.Count(l => l.Existed);

    public void Report(JSONMessage value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var error = value.Error?.Message is { Length: > 0 } detail ? detail : value.ErrorMessage;
        if (!string.IsNullOrEmpty(error))
        {
            Error = error.Trim();
            return;
        }

        var status = value.Status ?? "";
        if (string.IsNullOrEmpty(value.ID))
        {
            // "<tag>: digest: sha256:… size: 1234" closes a successful push.
            var marker = status.IndexOf("digest: ", StringComparison.Ordinal);
            if (marker >= 0)
            {
                Digest = status[(marker + "digest: ".Length)..].Split(' ')[0];
            }

            if (status.Length > 0)
            {
                log.Information(status);
            }

            return;
        }

        if (!layers.TryGetValue(value.ID, out var layer))
        {
            layer = new Layer();
            layers[value.ID] = layer;
        }

        if (status == "Pushing" && value.Progress is { Total: > 0 } progress)
        {
            layer.Total = Math.Max(layer.Total, progress.Total);
            // The engine counts the bytes it sends against the layer's size, which can overshoot a little.
            var current = Math.Min(progress.Current, progress.Total);
            var percent = (int)(current * 100 / progress.Total);
            var now = timeProvider.GetTimestamp();
            if (percent / 10 > layer.LastDecile || timeProvider.GetElapsedTime(layer.LastLogged, now) >= Interval)
            {
                layer.LastDecile = percent / 10;
                layer.LastLogged = now;
                log.Information($"{value.ID}: pushing {BuildContext.FormatSize(current)} / {BuildContext.FormatSize(progress.Total)} ({percent}%)");
            }

            return;
        }

        if (status == layer.LastStatus || status == "Pushing")
        {
            return;
        }

        layer.LastStatus = status;
        layer.Pushed |= status == "Pushed";
        layer.Existed |= status is "Layer already exists" || status.StartsWith("Mounted from", StringComparison.Ordinal);
        log.Information(layer.Pushed && layer.Total > 0 ? $"{value.ID}: {status} ({BuildContext.FormatSize(layer.Total)})" : $"{value.ID}: {status}");
    }

    private sealed class Layer
    {
        public long Total { get; set; }

        public int LastDecile { get; set; } = -1;

        public long LastLogged { get; set; }

        public string? LastStatus { get; set; }

        public bool Pushed { get; set; }

        public bool Existed { get; set; }
    }
}
