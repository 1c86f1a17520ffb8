namespace Slipway.Tests.Support;

/// <summary>A base for test builds: targets append their name to <see cref="Ran"/>.</summary>
internal abstract class RecordingBuild : NukeBuild
{
    public List<string> Ran { get; } = [];

    protected void Record(string name)
    {
        lock (Ran)
        {
            Ran.Add(name);
        }
    }
}
