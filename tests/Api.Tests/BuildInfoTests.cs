namespace Api.Tests;

public sealed class BuildInfoTests
{
    [Theory]
    [InlineData("1.2.3+abc1234", "1.2.3", "abc1234")]
    [InlineData("1.2.3-alpha.0.4+abc1234", "1.2.3-alpha.0.4", "abc1234")]
    [InlineData("1.2.3", "1.2.3", "unknown")]
    [InlineData(null, "0.0.0", "unknown")]
    [InlineData("", "0.0.0", "unknown")]
    public void Splits_the_informational_version_into_version_and_commit(string? informational, string version, string commit)
    {
        var info = BuildInfo.Parse(informational);

        Assert.Equal(version, info.Version);
        Assert.Equal(commit, info.Commit);
    }
}
