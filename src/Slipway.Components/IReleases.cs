using Slipway.Aws.Deployment;
using Slipway.Aws.Ecs;
using Slipway.Aws.Promotion;
using Slipway.Components.Promotion;

namespace Slipway.Components;

/// <summary>
/// <c>Releases</c>: for each environment, what its service runs (version, commit, digest, since when, deployed by
/// whom) and its recent history, read from ECS alone; a table, or JSON with <c>--json</c> (also written to
/// <c>artifacts/releases.json</c>).
/// </summary>
public interface IReleases : IDeployEnvironment
{
    [Parameter("Releases: print JSON instead of a table")]
    bool Json => TryGetValue<bool>(() => Json) ?? false;

    [Parameter("Releases: only these environments (default: every file in deploy/environments)", ValueProviderMember = nameof(EnvironmentNames))]
    string[] ReleasesOf => TryGetValue(() => ReleasesOf) ?? [];

    AbsolutePath ReleasesFile => ArtifactsDirectory / "releases.json";

    Target Releases => _ => _
        .Description("Show what each environment runs (version, commit, digest, since, by whom) and its recent history; --json for machines")
        .Executes(async ct =>
        {
            var names = ReleasesOf.Length > 0 ? ReleasesOf : [.. EnvironmentNames];
            var rows = new List<EnvironmentReleases>();
            foreach (var name in names)
            {
                rows.Add(await ReadReleasesAsync(name, ct));
            }

            var json = ReleasesReport.ToJson(rows);
            Directory.CreateDirectory(Path.GetDirectoryName(ReleasesFile)!);
            await File.WriteAllTextAsync(ReleasesFile, json, ct);
            Console.Out.WriteLine(Json ? json : ReleasesReport.ToTable(rows));
            ReportSummary($"{rows.Count} environments, {rows.Count(r => r.State?.Current is not null)} running a release (JSON in {ReleasesFile})");
        });

    /// <summary>One environment's releases; an environment that cannot be read says why instead of stopping the others.</summary>
    private async Task<EnvironmentReleases> ReadReleasesAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var environment = new Aws.Deployment.Environments.EnvironmentFiles(EnvironmentsDirectory).Load(name);
            await VerifyAccountAsync(environment, cancellationToken);
            using var ecs = new AmazonECSClient(AwsOptions(environment, environment.Endpoints.Ecs));
            return new EnvironmentReleases(name, await new ReleaseHistory(ecs, TimeProvider).ReadAsync(environment, cancellationToken), null);
        }
        catch (Exception e) when (e is DeployConfigurationException or UsageException or Aws.AwsConfigurationException or Aws.AwsServiceException or HttpRequestException)
        {
            Log.Warning($"Releases of '{name}' could not be read: {e.Message}");
            return new EnvironmentReleases(name, null, e.Message);
        }
    }
}
