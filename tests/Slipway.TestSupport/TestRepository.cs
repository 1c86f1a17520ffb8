namespace Slipway.TestSupport;

/// <summary>A temporary repository root (a directory with <c>.nuke/</c>) for one test, deleted afterwards.</summary>
public sealed class TestRepository : IDisposable
{
    public TestRepository()
    {
        Root = AbsolutePath.Create(Path.Combine(Path.GetTempPath(), "slipway-tests", Guid.NewGuid().ToString("N")));
        (Root / ".nuke").CreateDirectory();
    }

    public AbsolutePath Root { get; }

    public void WriteParameters(string fileName, string json) => (Root / ".nuke" / fileName).WriteAllText(json);

    public void Dispose() => Root.DeleteDirectory();
}
