using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Slipway.LocalCloud.Protocol;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Sts;

/// <summary>
/// STS on the AWS Query protocol (form-encoded <c>Action=...</c>, XML answers), as awscli and AWSSDK.SecurityToken
/// speak it: <c>GetCallerIdentity</c> for the local account; anything else is an unknown action.
/// </summary>
internal static class StsEndpoint
{
    private static readonly XNamespace Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static async Task HandleAsync(HttpContext context, byte[] body, string requestId, CancellationToken ct)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        foreach (var (key, value) in QueryHelpers.ParseQuery(context.Request.QueryString.Value))
        {
            form.TryAdd(key, value);
        }

        var action = form.TryGetValue("Action", out var a) ? a.ToString() : "";
        var authorization = context.Request.Headers.Authorization.ToString();
        var date = context.Request.Headers["X-Amz-Date"].ToString();
        var verdict = SigV4Header.Check(authorization, date.Length > 0 ? date : context.Request.Headers.Date.ToString(), out var problem);
        if (verdict == SigV4Header.Verdict.Missing && !form.ContainsKey("X-Amz-Signature"))
        {
            await WriteErrorAsync(context, 403, "MissingAuthenticationToken", "Request is missing Authentication Token", requestId, ct);
            return;
        }

        if (verdict == SigV4Header.Verdict.Malformed)
        {
            await WriteErrorAsync(context, 400, "IncompleteSignature", problem, requestId, ct);
            return;
        }

        if (action != "GetCallerIdentity")
        {
            var text = action.Length == 0
                ? "Could not find operation for version 2011-06-15"
                : $"Could not find operation {action} for version 2011-06-15";
            await WriteErrorAsync(context, 400, "InvalidAction", text, requestId, ct);
            return;
        }

        var document = new XElement(
            Sts + "GetCallerIdentityResponse",
            new XElement(
                Sts + "GetCallerIdentityResult",
                new XElement(Sts + "Arn", CloudIdentity.CallerArn),
                new XElement(Sts + "UserId", CloudIdentity.Account),
                new XElement(Sts + "Account", CloudIdentity.Account)),
            new XElement(Sts + "ResponseMetadata", new XElement(Sts + "RequestId", requestId)));
        await WriteAsync(context, 200, document, ct);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message, string requestId, CancellationToken ct)
    {
        var document = new XElement(
            Sts + "ErrorResponse",
            new XElement(
                Sts + "Error",
                new XElement(Sts + "Type", "Sender"),
                new XElement(Sts + "Code", code),
                new XElement(Sts + "Message", message)),
            new XElement(Sts + "RequestId", requestId));
        return WriteAsync(context, status, document, ct);
    }

    private static async Task WriteAsync(HttpContext context, int status, XElement document, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting));
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, ct);
    }
}
