using Amazon.Runtime;
using Slipway.Output;

namespace Slipway.Aws.Tests.Support;

internal static class ScriptedClients
{
    public static AwsClientOptions Options(
        ScriptedServer server,
        ILog? log = null,
        int maxAttempts = 3,
        TimeProvider? time = null,
        TimeSpan? attemptTimeout = null,
        TimeSpan? baseDelay = null,
        AWSCredentials? credentials = null) => new()
        {
            ServiceUrl = server.Url,
            Region = "us-east-1",
            Credentials = credentials ?? new BasicAWSCredentials("testing", "testing"),
            Log = log ?? NullLog.Instance,
            MaxAttempts = maxAttempts,
            RetryBaseDelay = baseDelay ?? TimeSpan.FromMilliseconds(5),
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
            TimeProvider = time ?? TimeProvider.System,
            GetEnvironmentVariable = _ => null,
        };

    public static ScriptedResponse Error(int status, string type, string message, Dictionary<string, string>? headers = null)
        => new(status, $$"""{"__type":"{{type}}","message":"{{message}}"}""", headers);
}
