using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Slipway.Aws.Tests.Support;

/// <summary>
/// The real AWS CLI (botocore, the reference implementation of the models), pointed at moto or a scripted server, with
/// test credentials and nothing from the machine's own AWS configuration.
/// </summary>
internal static class AwsCli
{
    public static async Task<JsonNode?> RunAsync(string endpointUrl, params string[] arguments)
    {
        var info = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        info.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        info.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        info.Environment["AWS_CONFIG_FILE"] = "/nonexistent/slipway-test-config";
        info.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/slipway-test-credentials";
        info.Environment["AWS_PAGER"] = "";
        info.Environment["AWS_MAX_ATTEMPTS"] = "1";
        foreach (var argument in new[] { "--endpoint-url", endpointUrl.TrimEnd('/'), "--output", "json" }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        Process? started;
        try
        {
            started = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The AWS CLI is not installed (these tests compare with it): pip install 'awscli==1.45.11' (botocore 1.43.11, the models' version).", e);
        }

        using var process = started ?? throw new InvalidOperationException("aws did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"aws {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}");
        }

        var text = await output;
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }
}
