using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Slipway.Components.Tests.Local.EndToEnd;

/// <summary>
/// This repository as a user clones it (the working tree's tracked and unignored files, committed into a new git
/// repository in a temporary directory), with an environment file of its own, <c>e2e</c>: the local cloud and
/// the service on free ports, so an environment already up on 4566 and 8080 is never touched. Tests run
/// <c>./build.sh</c> in it as a user would.
/// </summary>
public sealed class ServiceClone : IDisposable
{
    public const string Environment = "e2e";

    private ServiceClone(string root, int cloudPort, int servicePort)
    {
        Root = root;
        CloudPort = cloudPort;
        ServicePort = servicePort;
    }

    public string Root { get; }

    public int CloudPort { get; }

    public int ServicePort { get; }

    public Uri CloudEndpoint => new($"http://127.0.0.1:{CloudPort.ToString(CultureInfo.InvariantCulture)}");

    public Uri ServiceUrl => new($"http://127.0.0.1:{ServicePort.ToString(CultureInfo.InvariantCulture)}");

    public string LocalDirectory => Path.Combine(Root, ".nuke", "temp", "local");

    public static async Task<ServiceClone> CreateAsync(CancellationToken cancellationToken)
    {
        var source = RepositoryRoot.Find();
        var root = Directory.CreateTempSubdirectory("slipway-e2e-").FullName;
        var files = await Command.RunAsync("git", ["ls-files", "-co", "--exclude-standard", "-z"], source, cancellationToken);
        foreach (var file in files.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var from = Path.Combine(source, file);
            if (!File.Exists(from))
            {
                continue; // deleted in the working tree
            }

            var to = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(to, File.GetUnixFileMode(from));
            }
        }

        var clone = new ServiceClone(root, FreePort(), FreePort());
        var local = await File.ReadAllTextAsync(Path.Combine(root, "deploy", "environments", "local.json"), cancellationToken);
        await File.WriteAllTextAsync(
            Path.Combine(root, "deploy", "environments", $"{Environment}.json"),
            local.Replace("http://127.0.0.1:4566", clone.CloudEndpoint.ToString().TrimEnd('/'), StringComparison.Ordinal)
                 .Replace("\"slipway-local\"", "\"slipway-e2e\"", StringComparison.Ordinal),
            cancellationToken);

        // The service's published port is its task definition's container port: the local load balancer listens there.
        var taskDefinition = Path.Combine(root, "deploy", "taskdef.json");
        await File.WriteAllTextAsync(
            taskDefinition,
            (await File.ReadAllTextAsync(taskDefinition, cancellationToken)).Replace("\"containerPort\": 8080", $"\"containerPort\": {clone.ServicePort}", StringComparison.Ordinal),
            cancellationToken);

        await clone.GitAsync(["init", "-q", "-b", "main"], cancellationToken);
        await clone.CommitAllAsync("A fresh clone with its own ports", cancellationToken);
        return clone;
    }

    /// <summary>Runs <c>./build.sh</c> with <paramref name="arguments"/> and <c>--environment e2e</c>.</summary>
    public Task<CommandResult> BuildAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        Command.RunAsync(Path.Combine(Root, "build.sh"), [.. arguments, "--environment", Environment], Root, cancellationToken);

    /// <summary>Starts <c>./build.sh</c> without waiting, for a test that interferes while it runs.</summary>
    public Process StartBuild(IReadOnlyList<string> arguments, StringBuilder output) =>
        Command.Start(Command.StartInfo(Path.Combine(Root, "build.sh"), [.. arguments, "--environment", Environment], Root), output);

    /// <summary>Adds <paramref name="line"/> to the service just before <c>app.Run();</c> and commits it.</summary>
    public async Task ChangeServiceAsync(string line, string message, CancellationToken cancellationToken)
    {
        var program = Path.Combine(Root, "src", "Api", "Program.cs");
        var text = await File.ReadAllTextAsync(program, cancellationToken);
        Assert.Contains("\napp.Run();", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(program, text.Replace("\napp.Run();", $"\n{line}\napp.Run();", StringComparison.Ordinal), cancellationToken);
        await CommitAllAsync(message, cancellationToken);
    }

    /// <summary>Undoes the last commit (a broken release), leaving the clone as it was before it.</summary>
    public Task UndoLastCommitAsync(CancellationToken cancellationToken) => GitAsync(["reset", "-q", "--hard", "HEAD~1"], cancellationToken);

    /// <summary>The AWS CLI against the clone's local cloud, with any key (the local cloud checks the signature's shape only).</summary>
    public Task<CommandResult> AwsAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        Command.RunAsync("aws", [.. arguments, "--endpoint-url", CloudEndpoint.ToString(), "--region", "us-east-1", "--output", "json"], Root, cancellationToken, new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "local-e2e-key",
            ["AWS_SECRET_ACCESS_KEY"] = "local-e2e-secret",
            ["AWS_PAGER"] = "",
        });

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Files of a container still being removed: a temp directory left behind is harmless.
        }
    }

    private async Task GitAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await Command.RunAsync("git", ["-c", "user.name=e2e", "-c", "user.email=e2e@localhost", .. arguments], Root, cancellationToken);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', arguments)} failed:\n{result.Output}");
    }

    private async Task CommitAllAsync(string message, CancellationToken cancellationToken)
    {
        await GitAsync(["add", "-A"], cancellationToken);
        await GitAsync(["commit", "-q", "-m", message], cancellationToken);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
