using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Slipway.LocalCloud.Hosting;
using Slipway.LocalCloud.Sts;

namespace Slipway.LocalCloud.Protocol;

/// <summary>
/// <c>POST /</c>: AWS JSON 1.1 requests routed by <c>X-Amz-Target</c> to ECS or ECR, and AWS Query requests
/// (form-encoded, no target) to STS. Unsigned requests and unknown operations get AWS's own error shapes.
/// </summary>
internal sealed class AwsEndpoint(IReadOnlyList<OperationTable> services, ILogger<AwsEndpoint> logger)
{
    private const string JsonContentType = "application/x-amz-json-1.1";

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString("D");
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        var ct = context.RequestAborted;
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await context.Request.Body.CopyToAsync(buffer, ct);
            body = buffer.ToArray();
        }

        var target = context.Request.Headers["X-Amz-Target"].ToString();
        if (string.IsNullOrEmpty(target))
        {
            await StsEndpoint.HandleAsync(context, body, requestId, ct);
            return;
        }

        var verdict = SigV4Header.Check(context.Request.Headers.Authorization.ToString(), AmzDate(context.Request), out var problem);
        if (verdict == SigV4Header.Verdict.Missing)
        {
            await WriteErrorAsync(context, 400, "MissingAuthenticationTokenException", "Missing Authentication Token", ct);
            return;
        }

        if (verdict == SigV4Header.Verdict.Malformed)
        {
            await WriteErrorAsync(context, 400, "IncompleteSignatureException", problem, ct);
            return;
        }

        var dot = target.LastIndexOf('.');
        var prefix = dot < 0 ? target : target[..dot];
        var name = dot < 0 ? "" : target[(dot + 1)..];
        var service = services.FirstOrDefault(s => s.TargetPrefix == prefix);
        if (service is null || !service.TryGet(name, out var operation))
        {
            // Coral's shape: a qualified type and no message (ecs-behaviour.md §8).
            await WriteAsync(context, 400, Encoding.UTF8.GetBytes("""{"__type":"com.amazon.coral.service#UnknownOperationException"}"""), ct);
            return;
        }

        try
        {
            var response = await operation(body, ct);
            await WriteAsync(context, 200, response, ct);
        }
        catch (ApiError e)
        {
            await WriteErrorAsync(context, e.Status, e.Code, e.Message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
#pragma warning disable CA1031 // Any other failure is the service's fault and answers as AWS's ServerException does.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.RequestFailed(e, target);
            await WriteErrorAsync(context, 500, "ServerException", e.Message, ct);
        }
    }

    private static string? AmzDate(HttpRequest request)
    {
        var date = request.Headers["X-Amz-Date"].ToString();
        return date.Length > 0 ? date : request.Headers.Date.ToString();
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["__type"] = code, ["message"] = message });
        return WriteAsync(context, status, body, ct);
    }

    private static async Task WriteAsync(HttpContext context, int status, byte[] body, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, ct);
    }
}
