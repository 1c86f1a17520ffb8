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
    private readonly string directory = System.IO.Directory.CreateTempSubdirectory("slipway-aws-").FullName;

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
        ResetSdkCaches();
    }

    /// <summary>A temporary folder for the test's files, deleted on dispose.</summary>
    public string Directory => directory;

    /// <summary>The (empty) shared config file AWS_CONFIG_FILE points at.</summary>
    public string ConfigFile => Path.Combine(directory, "config");

    public void Set(string name, string? value)
    {
        saved.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }

    /// <summary>
    /// The SDK keeps the credentials its chain found for the whole process, and notices a change of some variables
    /// only (not of web identity's): a process's environment does not change, a test's does. So each test starts
    /// from a chain that has found nothing yet.
    /// </summary>
    private static void ResetSdkCaches()
    {
        Amazon.Runtime.FallbackRegionFactory.Reset();
        const System.Reflection.BindingFlags Hidden = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Instance;
        var type = typeof(Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver);
        var shared = (type.GetField("_defaultInstance", Hidden)?.GetValue(null) as Lazy<Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver>)?.Value
            ?? throw new InvalidOperationException("AWSSDK.Core changed: DefaultAWSCredentialsIdentityResolver._defaultInstance is gone; update this reset.");
        var cached = type.GetField("_cachedCredentials", Hidden)
            ?? throw new InvalidOperationException("AWSSDK.Core changed: DefaultAWSCredentialsIdentityResolver._cachedCredentials is gone; update this reset.");
        cached.SetValue(shared, null);
    }

    public void Dispose()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        ResetSdkCaches();
        System.IO.Directory.Delete(directory, recursive: true);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "process environment";
}
