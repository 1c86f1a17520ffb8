using System.Text.RegularExpressions;

namespace Slipway.LocalCloud.Protocol;

/// <summary>
/// Checks that a request carries a well-formed SigV4 <c>Authorization</c> header. Any key is accepted and the
/// signature is not verified: the local cloud has no secrets to check it against, but a client that forgot to
/// sign must fail here exactly as it would against AWS.
/// </summary>
internal static partial class SigV4Header
{
    public enum Verdict
    {
        Signed,
        Missing,
        Malformed,
    }

    public static Verdict Check(string? authorization, string? amzDate, out string problem)
    {
        problem = "";
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return Verdict.Missing;
        }

        var match = Shape().Match(authorization.Trim());
        if (!match.Success)
        {
            problem = "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. "
                + $"Authorization={authorization.Split(' ')[0]}";
            return Verdict.Malformed;
        }

        if (string.IsNullOrWhiteSpace(amzDate))
        {
            problem = "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";
            return Verdict.Malformed;
        }

        return Verdict.Signed;
    }

    // AWS4-HMAC-SHA256 Credential=AKID/20261128/us-east-1/ecs/aws4_request, SignedHeaders=host;x-amz-date, Signature=<64 hex>
    [GeneratedRegex(@"^AWS4-HMAC-SHA256\s+Credential=[^/\s,]+/\d{8}/[a-z0-9-]+/[a-z0-9.-]+/aws4_request\s*,\s*SignedHeaders=[a-z0-9;.-]+\s*,\s*Signature=[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
