using System.Net;
using System.Text.Json;

namespace Slipway.Aws.Transport;

/// <summary>Reads an AWS JSON 1.1 error: the code from <c>x-amzn-ErrorType</c> or <c>__type</c>, the message from the body.</summary>
internal static class AwsErrorReader
{
    private const int MaxEchoedBody = 200;

    public static AwsErrorDetails Read(HttpStatusCode status, string? errorTypeHeader, string? requestId, ReadOnlySpan<byte> body, string operation)
    {
        string? typeFromBody = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    // Services differ in the case of "message"; "code" is what some emulators send instead of __type.
                    if (property.NameEquals("__type") || (typeFromBody is null && property.Name.Equals("code", StringComparison.OrdinalIgnoreCase)))
                    {
                        typeFromBody = property.Value.GetString();
                    }
                    else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase) || property.NameEquals("errorMessage"))
                    {
                        message = property.Value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A proxy's HTML page or an empty body: fall back on the status and a short echo of the body.
            message = EchoBody(body);
        }

        var code = CodeFromHeader(errorTypeHeader) ?? CodeFromBody(typeFromBody) ?? CodeFromStatus(status);
        return new AwsErrorDetails(code, string.IsNullOrEmpty(message) ? code : message, status, requestId, operation);
    }

    /// <summary><c>x-amzn-ErrorType: ValidationException:http://internal.amazon.com/...</c> carries a suffix.</summary>
    internal static string? CodeFromHeader(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var colon = header.IndexOf(':', StringComparison.Ordinal);
        return NullIfEmpty((colon < 0 ? header : header[..colon]).Trim());
    }

    /// <summary><c>__type</c> may be qualified: <c>com.amazonaws.ecs#ClusterNotFoundException</c>.</summary>
    internal static string? CodeFromBody(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var hash = type.LastIndexOf('#');
        var code = hash < 0 ? type : type[(hash + 1)..];
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return NullIfEmpty((colon < 0 ? code : code[..colon]).Trim());
    }

    /// <summary>A header or member with only a suffix names nothing: the next source of the code decides.</summary>
    private static string? NullIfEmpty(string code) => code.Length == 0 ? null : code;

    private static string CodeFromStatus(HttpStatusCode status) => (int)status switch
    {
        429 => "TooManyRequestsException",
        >= 500 => "InternalFailure",
        403 => "AccessDenied",
        404 => "NotFound",
        _ => "UnknownError",
    };

    private static string? EchoBody(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        var text = System.Text.Encoding.UTF8.GetString(body.Length > MaxEchoedBody ? body[..MaxEchoedBody] : body).Trim();
        return text.Length == 0 ? null : text;
    }
}
