using System.Globalization;
using System.Text;
using System.Text.Json;
using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Promotion;

namespace Slipway.Components.Promotion;

/// <summary>One environment as Releases shows it: its state, or why it could not be read.</summary>
internal sealed record EnvironmentReleases(string Name, EnvironmentState? State, string? Error);

/// <summary>The Releases output: a table for people, JSON for machines (the same facts).</summary>
internal static class ReleasesReport
{
    private const int HistoryShown = 5;

    private static readonly string[] CurrentHeader = ["ENVIRONMENT", "VERSION", "COMMIT", "DIGEST", "SINCE", "BY", "STATE"];

    private static readonly string[] HistoryHeader = ["  REVISION", "VERSION", "COMMIT", "DIGEST", "LAST SUCCEEDED", "BY"];

    public static string ToTable(IReadOnlyList<EnvironmentReleases> environments)
    {
        var rows = new List<string[]> { CurrentHeader };
        foreach (var environment in environments)
        {
            var current = environment.State?.Current;
            rows.Add(
            [
                environment.Name,
                current?.Version ?? "-",
                Short(current?.Commit, 7),
                Short(current?.Digest, 19),
                current?.DeployedAt is { } at ? DeploymentMarks.Format(at) : "-",
                current?.DeployedBy ?? current?.Actor ?? "-",
                environment.Error is not null ? "unreadable: " + environment.Error : State(environment.State),
            ]);
        }

        var text = new StringBuilder(Align(rows));
        foreach (var environment in environments.Where(e => e.State is { History.Count: > 0 }))
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"{environment.Name}: recent history (newest revision first)").AppendLine();
            var history = new List<string[]> { HistoryHeader };
            history.AddRange(environment.State!.History.Take(HistoryShown).Select(r => new[]
            {
                "  " + r.Name + (r.TaskDefinitionArn == environment.State.Current?.TaskDefinitionArn ? " *" : ""),
                r.Version,
                Short(r.Commit, 7),
                Short(r.Digest, 19),
                r.DeployedAt is { } at ? DeploymentMarks.Format(at) : "never",
                r.DeployedBy ?? r.Actor,
            }));
            text.Append(Align(history));
        }

        return text.ToString().TrimEnd();
    }

    public static string ToJson(IReadOnlyList<EnvironmentReleases> environments)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("environments");
            foreach (var environment in environments)
            {
                json.WriteStartObject();
                json.WriteString("name", environment.Name);
                if (environment.State is { } state)
                {
                    json.WriteString("cluster", state.Environment.Cluster);
                    json.WriteString("service", state.Environment.Service);
                    json.WriteString("state", State(state));
                    json.WritePropertyName("current");
                    WriteRelease(json, state.Current);
                    json.WriteStartArray("history");
                    foreach (var release in state.History)
                    {
                        WriteRelease(json, release);
                    }

                    json.WriteEndArray();
                }
                else
                {
                    json.WriteString("error", environment.Error);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteRelease(Utf8JsonWriter json, Release? release)
    {
        if (release is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteString("version", release.Version);
        json.WriteString("commit", release.Commit);
        json.WriteString("digest", release.Digest);
        json.WriteString("image", release.Image);
        json.WriteString("taskDefinition", release.TaskDefinitionArn);
        json.WriteNumber("revision", release.Revision);
        if (release.DeployedAt is { } at)
        {
            json.WriteString("since", DeploymentMarks.Format(at));
        }
        else
        {
            json.WriteNull("since");
        }

        json.WriteString("by", release.DeployedBy ?? release.Actor);
        json.WriteBoolean("succeeded", release.Succeeded);
        json.WriteEndObject();
    }

    private static string State(EnvironmentState? state) =>
        state?.Service is null ? "no service"
        : state.IsSteady ? "steady"
        : ServiceDeployments.InProgress(state.Service) is not null ? "deploying" : "not steady";

    private static string Short(string? value, int length) =>
        value is null ? "-" : value.Length > length ? value[..length] : value;

    private static string Align(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }

        return text.ToString();
    }
}
