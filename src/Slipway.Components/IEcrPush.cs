using System.Text;
using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Ecr;
using Slipway.Docker;

namespace Slipway.Components;

/// <summary>
/// <c>EcrPush</c>: the image DockerBuild made, pushed to the environment's ECR repository with a token from
/// GetAuthorizationToken (masked in every line), then checked with DescribeImages; its digest goes into the image
/// record for EcsDeploy. An image the repository already holds under its version tag is neither uploaded nor written.
/// Up to date (no AWS call but one DescribeImages) while the image, the environment and its file are unchanged and
/// the repository still holds the recorded digest under the version tag.
/// </summary>
public interface IEcrPush : IDockerImage, IEnvironmentUp
{
    Target EcrPush => _ => _
        .Description("Push the image to the environment's ECR repository and record its digest")
        .DependsOn<IDockerImage>(x => x.DockerBuild)
        .DependsOn<IEnvironmentUp>(x => x.EnvironmentUp)
        .After<ITest>(x => x.TestService)
        .Inputs(i => i
            .Value("environment", EnvironmentName)
            .Files(DeployEnvironment.File is { Length: > 0 } file ? AbsolutePath.Create(file) : EnvironmentsDirectory / (EnvironmentName + ".json"))
            .Value("image", async ct => ImageRecordFile.FileExists ? PushedImage(await ImageRecord.ReadAsync(ImageRecordFile, ct)) : null)
            .Value("--dry-run", DryRun))
        .Outputs(o => o.Exists("the repository holds the recorded digest under the image's version tag", RepositoryHoldsImageAsync))
        .Executes(ct => DeployFailures.RunAsync(async () =>
        {
            var environment = DeployEnvironment;
            await VerifyAccountAsync(environment, ct);
            var record = await ReadImageRecordAsync(ct);
            using var ecr = new AmazonECRClient(AwsOptions(environment, environment.Endpoints.Ecr));
            var digest = await PushToEcrAsync(environment, record, ecr, ct);
            if (digest is null)
            {
                return; // a dry run that found nothing to reuse: it says so
            }

            var memory = DeployRunMemory.Of(this);
            if (!memory.IsInEcr(environment.Name, digest))
            {
                await new EcrImages(ecr).RequireAsync(environment.Repository, digest, ct);
                memory.RememberInEcr(environment.Name, digest);
            }

            await (record with { Digest = digest }).WriteAsync(ImageRecordFile, ct);
        }));

    /// <summary>What makes a pushed image this one: its id and tags (not the digest, which EcrPush itself adds to the record).</summary>
    private static string PushedImage(ImageRecord record) => $"{record.ImageId} {string.Join(' ', record.Tags)}";

    private async Task<bool> RepositoryHoldsImageAsync(CancellationToken cancellationToken)
    {
        if (!ImageRecordFile.FileExists || await ImageRecord.ReadAsync(ImageRecordFile, cancellationToken) is not { Digest: { } digest } record)
        {
            return false;
        }

        var environment = DeployEnvironment;
        using var ecr = new AmazonECRClient(AwsOptions(environment, environment.Endpoints.Ecr));
        var versionTag = record.Tags[0][(record.Tags[0].LastIndexOf(':') + 1)..];
        return await new EcrImages(ecr).DigestOfTagAsync(environment.Repository, versionTag, cancellationToken) == digest;
    }

    /// <summary>The record DockerBuild wrote; without one there is nothing to push (usage error).</summary>
    async Task<ImageRecord> ReadImageRecordAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ImageRecord.ReadAsync(ImageRecordFile, cancellationToken);
        }
        catch (FileNotFoundException e)
        {
            throw new UsageException($"No image has been built yet: {ImageRecordFile} does not exist. Run ./build.sh DockerBuild (or Deploy, which builds first).", e);
        }
    }

    /// <returns>The digest in the repository; null only in a dry run when the image is not there yet.</returns>
    async Task<string?> PushToEcrAsync(DeployEnvironment environment, ImageRecord record, IAmazonECR ecr, CancellationToken cancellationToken)
    {
        var memory = DeployRunMemory.Of(this);
        var repository = memory.Repository(environment.Name) ?? await FindRepositoryAsync(environment, ecr, cancellationToken);
        var pushRepository = repository.PushRepository(environment.Endpoints.Registry);
        var tags = record.Tags.Select(t => t[(t.LastIndexOf(':') + 1)..]).ToList();
        var images = new EcrImages(ecr);

        using var engine = await ConnectToDockerAsync(cancellationToken);
        var local = await engine.Client.Images.InspectImageAsync(record.ImageId, cancellationToken);
        var known = await images.DigestOfTagAsync(environment.Repository, tags[0], cancellationToken);
        if (known is not null && (local.RepoDigests ?? []).Contains($"{pushRepository}@{known}", StringComparer.Ordinal))
        {
            // DescribeImages just showed the digest in the repository: that is the check, no second look.
            memory.RememberInEcr(environment.Name, known);
            Log.Information($"{pushRepository}:{tags[0]} is already this image ({known}): nothing uploaded, nothing written");
            ReportSummary($"{repository.Uri}@{known} (already in ECR)");
            return known;
        }

        if (DryRun)
        {
            Log.Information($"would push {record.ImageId} to {pushRepository} as {string.Join(", ", tags)}");
            return known;
        }

        var login = await RegistryLogin.GetAsync(ecr, cancellationToken);
        RegisterSecret(login.Password);
        RegisterSecret(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{login.Username}:{login.Password}")));
        var credentials = new RegistryCredentials(login.Username, login.Password);
        var pusher = new ImagePusher(engine, TimeProvider);
        string? digest = null;
        long uploaded = 0;
        foreach (var tag in tags)
        {
            var pushed = await pusher.PushAsync(record.ImageId, $"{pushRepository}:{tag}", credentials, Log, cancellationToken);
            digest ??= pushed.Digest;
            uploaded += pushed.UploadedBytes;
        }

        if (environment.Endpoints.Registry is { Length: > 0 } registryHost)
        {
            await PutManifestsIntoEcrAsync(registryHost, credentials, environment.Repository, digest!, tags, ecr, cancellationToken);
        }

        ReportSummary($"{repository.Uri}@{digest} ({(uploaded > 0 ? $"{ByteSize.Format(uploaded)} uploaded" : "nothing uploaded")})");
        return digest;
    }

    private async Task<EcrRepository> FindRepositoryAsync(DeployEnvironment environment, IAmazonECR ecr, CancellationToken cancellationToken)
    {
        var found = await new RepositoryEnsurer(ecr, new RemoteChanges(DryRun, Log)).FindAsync(environment.Repository, cancellationToken)
            ?? throw new UsageException($"The ECR repository '{environment.Repository}' does not exist. Run ./build.sh EnvironmentUp --environment {environment.Name} first.");
        var repository = new EcrRepository(found.RepositoryName!, found.RepositoryUri!, found.RegistryId ?? "", found.RepositoryArn ?? "", false, []);
        DeployRunMemory.Of(this).RememberRepository(environment.Name, repository);
        return repository;
    }

    /// <summary>With <c>endpoints.registry</c> the layers went to that registry: the ECR API learns of the image by PutImage.</summary>
    private async Task PutManifestsIntoEcrAsync(string registryHost, RegistryCredentials credentials, string repository, string digest, IReadOnlyList<string> tags, IAmazonECR ecr, CancellationToken cancellationToken)
    {
        using var registry = RegistryClient.ForHost(registryHost, credentials);
        await new EcrManifestRegistration(ecr, Log).RegisterAsync(registry, repository, digest, tags, cancellationToken);
    }
}
