using Slipway.Output;
using Slipway.Processes;

namespace Slipway.Execution;

/// <summary>
/// Who runs the build, for deployment records: the CI's actor (<c>GITHUB_ACTOR</c>) on a server build, else the
/// git identity of the repository (<c>Name &lt;email&gt;</c>), else the operating-system user.
/// </summary>
internal static class ActorName
{
    public static string Find(IReadOnlyDictionary<string, string> environment, CiHost host, ProcessRunner processes, AbsolutePath rootDirectory)
    {
        if (host.IsServerBuild && environment.GetValueOrDefault("GITHUB_ACTOR") is { Length: > 0 } ciActor)
        {
            return ciActor;
        }

        var name = GitConfig(processes, rootDirectory, "user.name");
        var email = GitConfig(processes, rootDirectory, "user.email");
        return (name, email) switch
        {
            ({ } n, { } e) => $"{n} <{e}>",
            ({ } n, null) => n,
            (null, { } e) => e,
            _ => Environment.UserName,
        };
    }

    private static string? GitConfig(ProcessRunner processes, AbsolutePath rootDirectory, string key)
    {
        try
        {
            // Synchronous on purpose: a property getter; git answers from its config files in milliseconds.
            var result = processes.RunAsync(new ProcessSpec("git", ["config", "--get", key]) { WorkingDirectory = rootDirectory, LogOutput = false, ThrowOnFailure = false })
                .GetAwaiter().GetResult();
            var value = result.StandardOutput.Trim();
            return result.ExitCode == 0 && value.Length > 0 ? value : null;
        }
        catch (ProcessException)
        {
            return null; // git is not installed.
        }
    }
}
