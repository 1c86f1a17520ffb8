namespace Slipway.Tools.AwsModelGenerator;

/// <summary>
/// What to generate for one service: the model file, where the C# goes, and the operations the pipeline calls.
/// Only shapes reachable from these operations are written, so adding an operation here (and regenerating) is
/// all it takes to call a new one.
/// </summary>
/// <param name="ModelFile">The service-2.json file under <c>aws-models/</c>.</param>
/// <param name="Namespace">The namespace of the client; the model goes into <c>{Namespace}.Model</c>.</param>
/// <param name="Directory">The client's folder, relative to the repository root; the model goes into its <c>Model/</c>.</param>
/// <param name="Prefix">The prefix of the service's own file names (<c>Ecs</c> → <c>EcsErrors</c>).</param>
/// <param name="Operations">The operations the clients offer, in the order the interface lists them.</param>
/// <param name="IdempotentOperations">
/// Operations that may be sent twice with the same effect as once (besides reads, which are idempotent by name:
/// Describe*, List*, Get*, BatchGet*). Any other operation without an idempotency token is retried only when the
/// request provably never reached the server.
/// </param>
/// <param name="HandWrittenOperations">
/// Operations whose client method is written by hand (a partial of the client) because a retry needs more than
/// resending; the generator writes their interface method and descriptor only.
/// </param>
/// <param name="ExtraIdempotencyTokens">
/// Members the model documents as idempotency tokens without marking them <c>idempotencyToken</c>
/// (<c>Shape.member</c>).
/// </param>
internal sealed record ServiceSpec(
    string ModelFile,
    string Namespace,
    string Directory,
    string Prefix,
    string ClientName,
    string InterfaceName,
    IReadOnlyList<string> Operations,
    IReadOnlyList<string> IdempotentOperations,
    IReadOnlyList<string> HandWrittenOperations,
    IReadOnlyList<string> ExtraIdempotencyTokens)
{
    public string ModelNamespace => Namespace + ".Model";

    public string ModelDirectory => Directory + "/Model";

    public static IReadOnlyList<ServiceSpec> All { get; } =
    [
        new(
            ModelFile: "ecr-2015-09-21.service-2.json",
            Namespace: "Slipway.Aws.Ecr",
            Directory: "src/Slipway.Aws/Ecr",
            Prefix: "Ecr",
            ClientName: "AmazonECRClient",
            InterfaceName: "IAmazonECR",
            Operations:
            [
                "GetAuthorizationToken", "CreateRepository", "DescribeRepositories", "DeleteRepository", "DescribeImages", "ListImages",
                "BatchGetImage", "PutImage", "BatchDeleteImage", "PutLifecyclePolicy", "GetLifecyclePolicy", "DeleteLifecyclePolicy",
                "GetLifecyclePolicyPreview", "PutImageScanningConfiguration", "PutImageTagMutability", "TagResource", "UntagResource",
                "ListTagsForResource",
            ],
            IdempotentOperations:
            [
                "PutLifecyclePolicy", "PutImageScanningConfiguration", "PutImageTagMutability", "TagResource", "UntagResource",
                "BatchDeleteImage", "DeleteLifecyclePolicy",

                // Idempotent by its hand-written client method: a retry that finds the same digest tagged succeeds.
                "PutImage",
            ],
            HandWrittenOperations: ["PutImage"],
            ExtraIdempotencyTokens: []),
        new(
            ModelFile: "ecs-2014-11-13.service-2.json",
            Namespace: "Slipway.Aws.Ecs",
            Directory: "src/Slipway.Aws/Ecs",
            Prefix: "Ecs",
            ClientName: "AmazonECSClient",
            InterfaceName: "IAmazonECS",
            Operations:
            [
                "CreateCluster", "DescribeClusters", "DeleteCluster", "RegisterTaskDefinition", "DescribeTaskDefinition", "ListTaskDefinitions",
                "ListTaskDefinitionFamilies", "DeregisterTaskDefinition", "CreateService", "UpdateService", "DescribeServices", "ListServices",
                "DeleteService", "ListTasks", "DescribeTasks", "RunTask", "StopTask", "TagResource", "UntagResource", "ListTagsForResource",
            ],
            IdempotentOperations: ["CreateCluster", "DeregisterTaskDefinition", "StopTask", "TagResource", "UntagResource"],
            HandWrittenOperations: [],
            ExtraIdempotencyTokens: ["CreateServiceRequest.clientToken"]),
    ];
}
