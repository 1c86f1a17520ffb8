namespace Slipway.Tests.Support;

/// <summary>A temporary repository root (a directory with <c>.nuke/</c>) for one test.</summary>
internal sealed class TestRepository : IDisposable
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
