using System.Globalization;

namespace Slipway.LocalCloud.Hosting;

/// <summary>
/// The command line: <c>--port 4566 --state DIR --registry 127.0.0.1:PORT [--region us-east-1] [--secrets FILE]</c>.
/// Every mistake is a <see cref="CloudUsageException"/> that names the flag and how to fix it.
/// </summary>
internal sealed record CloudOptions(int Port, string StateDirectory, string RegistryHost, string Region, string SecretsFile)
{
    public const string Usage = "usage: Slipway.LocalCloud --port PORT --state DIR --registry 127.0.0.1:PORT [--region REGION] [--secrets FILE]";

    public static CloudOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            if (flag is not ("--port" or "--state" or "--registry" or "--region" or "--secrets"))
            {
                throw new CloudUsageException($"Unknown argument '{flag}'. {Usage}");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CloudUsageException($"{flag} needs a value. {Usage}");
            }

            values[flag] = args[++i];
        }

        if (!values.TryGetValue("--port", out var portText) || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new CloudUsageException($"--port must be a TCP port number (0-65535; 0 picks a free one), e.g. --port 4566. {Usage}");
        }

        if (!values.TryGetValue("--state", out var state) || string.IsNullOrWhiteSpace(state))
        {
            throw new CloudUsageException($"--state must name the directory that keeps the local cloud's state, e.g. --state .nuke/temp/local/cloud. {Usage}");
        }

        if (!values.TryGetValue("--registry", out var registry) || !IsLoopbackHostPort(registry))
        {
            throw new CloudUsageException($"--registry must be the local registry as 127.0.0.1:PORT (got '{registry}'). {Usage}");
        }

        var region = values.GetValueOrDefault("--region") ?? environment("AWS_REGION") ?? environment("AWS_DEFAULT_REGION") ?? "us-east-1";
        var secrets = values.GetValueOrDefault("--secrets") ?? Path.Combine(state, "secrets.json");
        return new CloudOptions(port, Path.GetFullPath(state), registry, region, Path.GetFullPath(secrets));
    }

    private static bool IsLoopbackHostPort(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var colon = value.LastIndexOf(':');
        return colon > 0
            && value[..colon] is "127.0.0.1" or "localhost"
            && int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= 65535;
    }
}

/// <summary>A bad command line: the message says which flag and how to fix it; exit code 2.</summary>
internal sealed class CloudUsageException : Exception
{
    public CloudUsageException()
    {
    }

    public CloudUsageException(string message)
        : base(message)
    {
    }

    public CloudUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
