using System.Xml.Linq;
using Slipway.Tests.Support;
using Slipway.Versioning;

namespace Slipway.Tests.Versioning;

public sealed class MinVerSettingsTests : IDisposable
{
    private static readonly AbsolutePath SlipwayRoot = AbsolutePath.Create(RepositoryRoot.Find());

    private readonly TestRepository repository = new();

    private AbsolutePath Write(string properties, string groupAttributes = "")
    {
        (repository.Root / ".config").CreateDirectory();
        var file = repository.Root / MinVerSettings.FileName;
        file.WriteAllText($"<Project><PropertyGroup{groupAttributes}>{properties}</PropertyGroup></Project>");
        return file;
    }

    [Fact]
    public void Every_option_becomes_the_matching_minver_cli_option()
    {
        Write("""
              <MinVerTagPrefix>release-</MinVerTagPrefix><MinVerAutoIncrement>minor</MinVerAutoIncrement>
              <MinVerBuildMetadata>ci.7</MinVerBuildMetadata><MinVerDefaultPreReleaseIdentifiers>preview.0</MinVerDefaultPreReleaseIdentifiers>
              <MinVerMinimumMajorMinor>2.0</MinVerMinimumMajorMinor><MinVerIgnoreHeight>true</MinVerIgnoreHeight>
              <MinVerVerbosity>detailed</MinVerVerbosity><Unrelated>x</Unrelated>
              """);

        var settings = MinVerSettings.Load(repository.Root);

        Assert.Equal(
            ["--tag-prefix", "release-", "--auto-increment", "minor", "--build-metadata", "ci.7", "--default-pre-release-identifiers", "preview.0",
             "--minimum-major-minor", "2.0", "--ignore-height"],
            settings.ToArguments());
    }

    [Fact]
    public void Without_the_file_tags_are_v_prefixed_and_the_rest_is_minvers_default() =>
        Assert.Equal(["--tag-prefix", "v"], MinVerSettings.Load(repository.Root).ToArguments());

    [Theory]
    [InlineData("<MinVerTagPrefx>v</MinVerTagPrefx>", "unknown property MinVerTagPrefx. Valid: MinVerTagPrefix")]
    [InlineData("<MinVerTagPrefix Condition=\"'$(CI)' == 'true'\">v</MinVerTagPrefix>", "MinVerTagPrefix has a Condition")]
    [InlineData("<MinVerTagPrefix>$(Prefix)</MinVerTagPrefix>", "MinVerTagPrefix uses an MSBuild expression")]
    [InlineData("<MinVerIgnoreHeight>yes</MinVerIgnoreHeight>", "MinVerIgnoreHeight is 'yes'; use true or false")]
    [InlineData("<MinVerAutoIncrement>build</MinVerAutoIncrement>", "MinVerAutoIncrement is 'build'; use major, minor or patch")]
    public void A_value_the_build_cannot_read_as_msbuild_would_is_an_error_naming_the_file(string properties, string problem)
    {
        var file = Write(properties);

        var error = Assert.Throws<InvalidDataException>(() => MinVerSettings.Load(repository.Root));

        Assert.StartsWith($"{file}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conditional_property_group_is_an_error() =>
        Assert.Contains("a PropertyGroup has a Condition", Assert.Throws<InvalidDataException>(() => MinVerSettings.FromFile(Write("<MinVerTagPrefix>v</MinVerTagPrefix>", " Condition=\"true\""))).Message, StringComparison.Ordinal);

    [Fact]
    public void Broken_xml_is_an_error_naming_the_file()
    {
        (repository.Root / ".config").CreateDirectory();
        (repository.Root / MinVerSettings.FileName).WriteAllText("<Project><PropertyGroup>");

        var error = Assert.Throws<InvalidDataException>(() => MinVerSettings.Load(repository.Root));

        Assert.Contains(repository.Root / MinVerSettings.FileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void This_repository_versions_v_tags_and_its_service_imports_the_same_file_and_minver()
    {
        Assert.Equal(["--tag-prefix", "v"], MinVerSettings.Load(SlipwayRoot).ToArguments());

        var project = XDocument.Load(SlipwayRoot / "src" / "Api" / "Api.csproj");
        Assert.Contains(project.Root!.Elements("Import"), i => i.Attribute("Project")!.Value.Replace('\\', '/').EndsWith("/.config/minver.props", StringComparison.Ordinal));
        Assert.Contains(project.Descendants("PackageReference"), r => r.Attribute("Include")!.Value == "MinVer");
        Assert.DoesNotContain(project.Descendants(), e => e.Name.LocalName.StartsWith("MinVer", StringComparison.Ordinal));
        Assert.DoesNotContain(project.Descendants("Version"), _ => true);
    }

    public void Dispose() => repository.Dispose();
}
