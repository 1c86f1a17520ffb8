namespace Slipway.Aws.Transport;

/// <summary>
/// An operation as the transport needs it, written by the generator from the model.
/// </summary>
/// <param name="Name">The operation, the second half of <c>X-Amz-Target</c>.</param>
/// <param name="Idempotent">Sending it twice has the effect of sending it once (reads, puts of a state), so any transient failure may be retried.</param>
/// <param name="IdempotencyToken">
/// The member (wire name) that makes a repeated request the same request; filled once per logical call when the caller
/// left it empty, so that every attempt carries the same token.
/// </param>
internal sealed record AwsOperation(string Name, bool Idempotent, string? IdempotencyToken = null);
