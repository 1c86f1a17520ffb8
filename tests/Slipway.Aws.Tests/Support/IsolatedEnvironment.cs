using System.Collections;

namespace Slipway.Aws.Tests.Support;

/// <summary>
/// A process environment in which the SDK's chains find nothing: every AWS_* variable cleared, the shared config and
/// credentials files pointed at empty temp files, instance metadata disabled. Restored on dispose. Tests using it
/// run in the non-parallel <see cref="ProcessEnvironment"/> collection.
/// </summary>
internal sealed class IsolatedEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> saved = new(StringComparer.Ordinal);
    private readonly string directory = Directory.CreateTempSubdirectory("slipway-aws-").FullName;

    public IsolatedEnvironment()
    {
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("AWS_", StringComparison.Ordinal)))
        {
            Set(name, null);
        }

        File.WriteAllText(Path.Combine(directory, "credentials"), "");
        File.WriteAllText(Path.Combine(directory, "config"), "");
        Set("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(directory, "credentials"));
        Set("AWS_CONFIG_FILE", Path.Combine(directory, "config"));
        Set("AWS_EC2_METADATA_DISABLED", "true");
        Amazon.Runtime.FallbackRegionFactory.Reset();
    }

    public void Set(string name, string? value)
    {
        saved.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Amazon.Runtime.FallbackRegionFactory.Reset();
        Directory.Delete(directory, recursive: true);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "process environment";
}
