using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Amazon.Runtime;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecs;
using Slipway.Output;

namespace Slipway.Aws.Tests.Support;

/// <summary>
/// A real moto_server on a free 127.0.0.1 port for the whole collection: started before the first test, waited for
/// until it answers, and killed with its process tree after the last.
/// </summary>
public class MotoServer : IAsyncLifetime
{
    private readonly StringBuilder output = new();
    private Process? process;

    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        process = Start("moto_server", port) ?? Start("python3", port, "-m", "moto.server")
            ?? throw new InvalidOperationException("moto_server is not installed: pip install 'moto[server]==5.2.1'.");
        Url = $"http://127.0.0.1:{port}";

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url + "/moto-api/"));
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"moto_server did not answer on {Url} within 30 s:\n{Output}");
    }

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
    }

    public AwsClientOptions Options(ILog? log = null, AWSCredentials? credentials = null) => new()
    {
        ServiceUrl = Url,
        Region = "us-east-1",
        Credentials = credentials ?? new BasicAWSCredentials("testing", "testing"),
        Log = log ?? NullLog.Instance,
        MaxAttempts = 2, // moto answers 500 for what it does not implement: fail fast
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        // Nothing depends on the environment of the machine running the tests.
        GetEnvironmentVariable = _ => null,
    };

    /// <summary>
    /// A subnet of moto's default VPC: RunTask checks awsvpc subnets against moto's EC2. EC2 speaks the query protocol,
    /// which our clients do not, and moto does not verify signatures, so a bare form post does.
    /// </summary>
    public async Task<string> DefaultSubnetAsync()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url + "/"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "DescribeSubnets", ["Version"] = "2016-11-15" }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20240101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        var xml = await response.Content.ReadAsStringAsync();
        return System.Text.RegularExpressions.Regex.Match(xml, "<subnetId>(subnet-[0-9a-f]+)</subnetId>").Groups[1].Value is { Length: > 0 } id
            ? id
            : throw new InvalidOperationException("moto listed no subnet: " + xml);
    }

    public AmazonECRClient Ecr(ILog? log = null) => new(Options(log));

    public AmazonECSClient Ecs(ILog? log = null) => new(Options(log));

    private string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Variables for moto's process (e.g. MOTO_ECS_SERVICE_RUNNING).</summary>
    protected virtual IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>();

    private Process? Start(string fileName, int port, params string[] prefix)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in Environment)
        {
            info.Environment[name] = value;
        }

        foreach (var argument in prefix.Concat(["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            var started = Process.Start(info)!;
            started.OutputDataReceived += (_, e) => Append(e.Data);
            started.ErrorDataReceived += (_, e) => Append(e.Data);
            started.BeginOutputReadLine();
            started.BeginErrorReadLine();
            return started;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class UsesMoto : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
