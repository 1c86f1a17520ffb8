using Slipway.Docker;

namespace Slipway.Components;

/// <summary>
/// <c>DockerPush</c>: every tag of the built image to <c>--registry</c>; the digest, read back from the
/// registry, goes into the image record for the deploy.
/// </summary>
public interface IDockerPush : IDockerImage
{
    [Parameter("Registry that DockerPush pushes to, as host[:port], e.g. 127.0.0.1:5000"), RegistryHost]
    string? Registry => TryGetValue(() => Registry);

    [Parameter("User name for --registry")]
    string? RegistryUsername => TryGetValue(() => RegistryUsername);

    [Parameter("Password or token for --registry (with --registry-username)"), Secret, RequiresParameter(nameof(RegistryUsername))]
    string? RegistryPassword => TryGetValue(() => RegistryPassword);

    Target DockerPush => _ => _
        .Description("Push the image to --registry and record its digest (read back from the registry) in artifacts/image.json")
        .DependsOn<IDockerImage>(x => x.DockerBuild)
        .Requires(() => Registry)
        .Executes(async ct =>
        {
            using var engine = await ConnectToDockerAsync(ct);
            var record = await ImageRecord.ReadAsync(ImageRecordFile, ct);
            var credentials = RegistryUsername is null ? null : new RegistryCredentials(RegistryUsername, RegistryPassword ?? string.Empty);
            PushedImage pushed;
            try
            {
                pushed = await new ImagePusher(engine, TimeProvider).PushAllTagsAsync(record, Registry!, credentials, Log, ct);
            }
            catch (Exception exception) when (RegistryRefusal.IsRefusal(exception))
            {
                throw RegistryRefusal.Explain(exception, Registry!, RegistryUsername);
            }

            await pushed.Record.WriteAsync(ImageRecordFile, ct);
            ReportSummary(pushed.ToString());
            Log.Information(NextSteps.AfterDockerPush(pushed.PinnedReference));
        });
}
