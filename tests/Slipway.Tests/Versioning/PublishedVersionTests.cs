using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Slipway.Processes;
using Slipway.Tests.Support;
using Slipway.Versioning;

namespace Slipway.Tests.Versioning;

/// <summary>
/// One version everywhere: the service copied into a tagged repository of its own and published with a plain
/// <c>dotnet publish</c> (MinVer in the project, options from <c>.config/minver.props</c>) carries the version the
/// build computes, in the assembly's informational version and in <c>GET /version</c> of the running service.
/// </summary>
public sealed class PublishedVersionTests : IDisposable
{
    private static readonly AbsolutePath SlipwayRoot = AbsolutePath.Create(RepositoryRoot.Find());

    private readonly GitSandbox sandbox = new();
    private readonly ListLog log = new();
    private readonly ProcessRunner runner;

    public PublishedVersionTests()
    {
        runner = new ProcessRunner(log);
    }

    [Fact]
    public async Task A_plain_publish_stamps_the_build_version_and_the_service_reports_it()
    {
        await CopyServiceIntoTaggedRepository();
        var build = await GitVersion.ComputeAsync(runner, sandbox.Main, CancellationToken.None);
        Assert.Equal("2.3.5-alpha.0.1", build.SemVer); // one commit after v2.3.4: a version with both rules applied

        var output = sandbox.Top / "publish";
        await runner.RunAsync(new ProcessSpec("dotnet", ["publish", "src/Api/Api.csproj", "-c", "Release", "-o", output, "-p:UseAppHost=false", "--nologo"])
        {
            WorkingDirectory = sandbox.Main,
            LogOutput = false,
        });

        Assert.Equal(build.InformationalVersion, InformationalVersionOf(output / "Api.dll"));

        // The build may hand MinVer the version it computed, so that the project does not compute it twice.
        var handed = sandbox.Top / "publish-handed";
        await runner.RunAsync(new ProcessSpec("dotnet", ["publish", "src/Api/Api.csproj", "-c", "Release", "-o", handed, "-p:UseAppHost=false", $"-p:MinVerVersionOverride={build.SemVer}", "--nologo"])
        {
            WorkingDirectory = sandbox.Main,
            LogOutput = false,
        });
        Assert.Equal(build.InformationalVersion, InformationalVersionOf(handed / "Api.dll"));

        var reported = await GetVersionFromRunningService(output / "Api.dll");
        Assert.Equal(build.SemVer, reported.Version);
        Assert.Equal(build.Commit, reported.Commit);
    }

    private async Task CopyServiceIntoTaggedRepository()
    {
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", ".config/minver.props", ".config/dotnet-tools.json" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(sandbox.Main / file)!);
            File.Copy(SlipwayRoot / file, sandbox.Main / file);
        }

        foreach (var file in Directory.EnumerateFiles(SlipwayRoot / "src" / "Api", "*", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var target = sandbox.Main / Path.GetRelativePath(SlipwayRoot, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        (sandbox.Main / ".gitignore").WriteAllText("bin/\nobj/\n");
        await sandbox.Init();
        await sandbox.Commit();
        await sandbox.Tag("v2.3.4");
        await sandbox.Commit();
    }

    /// <summary>Reads the attribute without running the service's code: a collectible load context, thrown away after.</summary>
    private static string? InformationalVersionOf(string assemblyPath)
    {
        var context = new AssemblyLoadContext("published-api", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(File.ReadAllBytes(assemblyPath)));
            return assembly.GetCustomAttributesData()
                .Where(a => a.AttributeType.FullName == typeof(AssemblyInformationalVersionAttribute).FullName)
                .Select(a => (string?)a.ConstructorArguments[0].Value)
                .SingleOrDefault();
        }
        finally
        {
            context.Unload();
        }
    }

    private static async Task<(string Version, string Commit)> GetVersionFromRunningService(string assemblyPath)
    {
        var port = FreePort();
        using var service = new System.Diagnostics.Process
        {
            StartInfo = new System.Diagnostics.ProcessStartInfo("dotnet", [assemblyPath])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            },
        };
        service.Start();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                try
                {
                    var json = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/version"), timeout.Token);
                    using var document = JsonDocument.Parse(json);
                    return (document.RootElement.GetProperty("version").GetString()!, document.RootElement.GetProperty("commit").GetString()!);
                }
                catch (HttpRequestException) when (!service.HasExited)
                {
                    await Task.Delay(200, timeout.Token); // still starting
                }
                catch (HttpRequestException exception)
                {
                    throw new InvalidOperationException($"The service exited with code {service.ExitCode}: {await service.StandardError.ReadToEndAsync()}", exception);
                }
            }
        }
        finally
        {
            if (!service.HasExited)
            {
                service.Kill(entireProcessTree: true);
                await service.WaitForExitAsync();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => sandbox.Dispose();
}
