using Slipway.Components.UpToDate;

namespace Slipway.Components.Tests.UpToDate;

public sealed class SdkVersionTests : IDisposable
{
    private readonly AbsolutePath directory = AbsolutePath.Create(Directory.CreateTempSubdirectory("slipway-sdk-").FullName);

    [Fact]
    public void Installing_another_sdk_beside_the_dotnet_on_path_changes_the_identity()
    {
        (directory / "dotnet").WriteAllText("#!/bin/sh\n");
        (directory / "sdk" / "10.0.100").CreateDirectory();
        var path = string.Join(Path.PathSeparator, "/nonexistent", directory);
        var before = SdkVersion.Identity(path);

        (directory / "sdk" / "10.0.200").CreateDirectory();
        var after = SdkVersion.Identity(path);

        Assert.Equal($"{directory / "dotnet"}: 10.0.100", before);
        Assert.Equal($"{directory / "dotnet"}: 10.0.100, 10.0.200", after);
        Assert.Equal("no dotnet on PATH", SdkVersion.Identity("/nonexistent"));
    }

    public void Dispose() => directory.DeleteDirectory();
}
