using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.Aws.Deployment.Records;

/// <summary>
/// What one deploy did to one environment: written to <c>artifacts/deployments/&lt;environment&gt;.json</c> and to the
/// step summary. It holds names, ARNs, digests and times, never a credential or a task's environment values.
/// </summary>
public sealed record DeploymentRecord
{
    public required string Environment { get; init; }

    public required string Account { get; init; }

    public required string Region { get; init; }

    /// <summary>Who the credentials say we are (an ARN).</summary>
    public string Caller { get; init; } = "";

    public required string Cluster { get; init; }

    public required string Service { get; init; }

    public required string Version { get; init; }

    public required string Commit { get; init; }

    /// <summary>The image as the task definition pins it: <c>repository@sha256:…</c>.</summary>
    public required string Image { get; init; }

    public required string Digest { get; init; }

    public required string TaskDefinitionArn { get; init; }

    /// <summary>The latest revision was reused because it said the same.</summary>
    public bool TaskDefinitionReused { get; init; }

    /// <summary><c>created</c>, <c>updated</c> or <c>unchanged</c>.</summary>
    public required string Action { get; init; }

    public string? DeploymentId { get; init; }

    /// <summary><c>succeeded</c>, <c>not-waited</c> (<c>--wait none</c>), <c>unchanged</c> or <c>dry-run</c>.</summary>
    public required string Outcome { get; init; }

    public required string Actor { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>The writing calls made (or, in a dry run, planned).</summary>
    public IReadOnlyList<string> WritingCalls { get; init; } = [];

    public const string Directory = "artifacts/deployments";

    public static string PathFor(string repositoryRoot, string environment) =>
        System.IO.Path.Combine(repositoryRoot, Directory, environment + ".json");

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, this, DeploymentRecordJson.Default.DeploymentRecord, cancellationToken);
    }

    public static async Task<DeploymentRecord?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync(stream, DeploymentRecordJson.Default.DeploymentRecord, cancellationToken);
    }

    /// <summary>A Markdown table for the job summary.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"### Deployment to `{Environment}`: {Outcome}\n\n| | |\n|---|---|\n");
        void Row(string name, string? value) => text.Append(CultureInfo.InvariantCulture, $"| {name} | {value?.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        Row("Account / region", $"{Account} / {Region}");
        Row("Caller", Caller);
        Row("Service", $"{Cluster}/{Service} ({Action})");
        Row("Version", $"{Version} ({Commit})");
        Row("Image", Image);
        Row("Task definition", TaskDefinitionArn + (TaskDefinitionReused ? " (reused)" : ""));
        Row("Deployment", DeploymentId ?? "");
        Row("Actor", Actor);
        Row("Time", $"{StartedAt:yyyy-MM-dd HH:mm:ss}Z, {(FinishedAt - StartedAt).TotalSeconds:0.0} s");
        Row("Writing calls", WritingCalls.Count == 0 ? "none" : string.Join(", ", WritingCalls));
        return text.ToString();
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(DeploymentRecord))]
internal sealed partial class DeploymentRecordJson : JsonSerializerContext;
