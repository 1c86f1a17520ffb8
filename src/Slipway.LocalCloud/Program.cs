using Slipway.LocalCloud.Hosting;

namespace Slipway.LocalCloud;

/// <summary>
/// <c>dotnet Slipway.LocalCloud.dll --port 4566 --state DIR --registry 127.0.0.1:PORT</c>: the local ECR/ECS/STS
/// endpoint. Exit codes: 0 after a graceful stop (SIGTERM; tasks keep running), 1 on a failure, 2 on a bad command line.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        CloudOptions options;
        try
        {
            options = CloudOptions.Parse(args, Environment.GetEnvironmentVariable);
        }
        catch (CloudUsageException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        try
        {
            return await LocalCloudMain.RunAsync(options);
        }
        catch (InvalidDataException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await Console.Error.WriteLineAsync($"127.0.0.1:{options.Port} is already in use: stop what listens there (`ss -ltnp 'sport = :{options.Port}'` shows it) or pass another --port.");
            return 1;
        }
    }
}
