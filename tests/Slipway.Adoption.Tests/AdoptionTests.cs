using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Slipway.Adoption.Tests;

/// <summary>
/// The acceptance of "adopt Slipway in another repository": the packages (README, license, symbols, SourceLink,
/// package validation, byte-identical when packed twice), the push, the template, and a sample repository that
/// deploys to its local environment with nothing of this repository in it.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class AdoptionTests(AdoptionFixture fixture) : IClassFixture<AdoptionFixture>
{
    private static readonly string[] Libraries = ["Slipway", "Slipway.Docker", "Slipway.Aws", "Slipway.Components"];

    private static readonly string[] Packages = [.. Libraries, "Slipway.LocalCloud", "Slipway.Templates"];

    [Fact]
    public void Pack_makes_every_package_at_the_version_of_the_release_tag_with_its_readme_and_license()
    {
        AssertSucceeded(fixture.Pack, "Pack");
        var made = Directory.GetFiles(fixture.Feed, $"*.{fixture.Version}.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Packages.Select(p => $"{p}.{fixture.Version}.nupkg").Order(StringComparer.Ordinal), made);
        foreach (var package in Packages)
        {
            using var zip = ZipFile.OpenRead(PackagePath(package));
            var metadata = Nuspec(zip);
            Assert.Equal(fixture.Version, Element(metadata, "version"));
            Assert.Equal("README.md", Element(metadata, "readme"));
            Assert.NotNull(zip.GetEntry("README.md"));
            Assert.Equal("MIT", Element(metadata, "license"));
        }
    }

    [Fact]
    public void Library_packages_carry_symbols_and_SourceLink_to_the_commit_on_GitHub()
    {
        AssertSucceeded(fixture.Pack, "Pack");
        foreach (var library in Libraries)
        {
            using var package = ZipFile.OpenRead(PackagePath(library));
            var repository = Nuspec(package).Elements().Single(e => e.Name.LocalName == "repository");
            Assert.Equal("https://github.com/slipway-build/slipway.git", (string?)repository.Attribute("url"));
            var commit = (string?)repository.Attribute("commit");
            Assert.Matches("^[0-9a-f]{40}$", commit);
            Assert.NotNull(package.GetEntry($"lib/net10.0/{library}.dll"));

            using var symbols = ZipFile.OpenRead(Path.ChangeExtension(PackagePath(library), ".snupkg"));
            var pdb = symbols.GetEntry($"lib/net10.0/{library}.pdb");
            Assert.NotNull(pdb);
            using var stream = pdb.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            var text = Encoding.UTF8.GetString(bytes.ToArray());
            Assert.Contains($"https://raw.githubusercontent.com/slipway-build/slipway/{commit}/*", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Two_packs_of_one_commit_are_byte_identical()
    {
        AssertSucceeded(fixture.PackAgain, "the second Pack");
        // (The feed also gets a newer Slipway.Components later, for --check-updates: only this version's files count.)
        var first = Directory.GetFiles(fixture.Feed, $"*.{fixture.Version}.*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var second = Directory.GetFiles(fixture.FeedAgain).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(10, first.Length); // six packages, four of them with symbols
        Assert.Equal(first, second);
        Assert.All(first, name => Assert.True(
            File.ReadAllBytes(Path.Combine(fixture.Feed, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(fixture.FeedAgain, name!))),
            $"{name} differs between two packs of one commit"));
    }

    [Fact]
    public void PushPackages_pushes_every_package_to_the_feed_and_never_prints_the_key()
    {
        AssertSucceeded(fixture.Push, "PushPackages");
        Assert.DoesNotContain(AdoptionFixture.ApiKey, fixture.Push!.Output, StringComparison.Ordinal);
        var pushed = Directory.GetFiles(fixture.PushedFeed, "*.nupkg", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var package in Packages)
        {
            Assert.True(pushed.Contains($"{package}.{fixture.Version}.nupkg"), $"{package} is not in the pushed feed {fixture.PushedFeed} ({string.Join(", ", pushed)}): {fixture.Push}");
        }
    }

    [Fact]
    public void The_template_adds_the_build_and_says_what_to_run_next_and_never_overwrites_without_force()
    {
        AssertSucceeded(fixture.Template, "dotnet new slipway");
        Assert.Contains("./build.sh Deploy", fixture.Template!.Output, StringComparison.Ordinal);
        foreach (var file in new[] { "build/Build.cs", "build/_build.csproj", "build.sh", "build.ps1", "build.cmd", "global.json", ".nuke/parameters.json", ".config/dotnet-tools.json", "deploy/environments/local.json", "deploy/taskdef.json", "deploy/ecr-lifecycle.json", "deploy/Dockerfile" })
        {
            Assert.True(File.Exists(Path.Combine(fixture.Sample, file)), $"the template did not add {file}");
        }

        var build = File.ReadAllText(Path.Combine(fixture.Sample, "build", "_build.csproj"));
        Assert.Contains($"<SlipwayVersion>{fixture.Version}</SlipwayVersion>", build, StringComparison.Ordinal);
        Assert.Contains($"\"containerPort\": {fixture.ServicePort}", File.ReadAllText(Path.Combine(fixture.Sample, "deploy", "taskdef.json")), StringComparison.Ordinal);
        Assert.Contains($"\"repository\": \"{AdoptionFixture.ImageRepository}\"", File.ReadAllText(Path.Combine(fixture.Sample, "deploy", "environments", "local.json")), StringComparison.Ordinal);
        Assert.Contains("\"Sample.dll\"", File.ReadAllText(Path.Combine(fixture.Sample, "deploy", "Dockerfile")), StringComparison.Ordinal);

        Assert.NotNull(fixture.TemplateAgain);
        Assert.True(fixture.TemplateAgain.ExitCode != 0, $"a second run without --force succeeded: {fixture.TemplateAgain}");
        Assert.Contains("--force", fixture.TemplateAgain.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sample_deploys_to_its_local_environment_and_answers_on_its_port()
    {
        AssertSucceeded(fixture.Deploy, "./build.sh Deploy in the sample");
        var url = new Uri($"http://127.0.0.1:{fixture.ServicePort}");
        Assert.Contains(url.ToString().TrimEnd('/'), fixture.Deploy!.Output, StringComparison.Ordinal);
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(url, "/weatherforecast"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("temperatureC", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Its first run wrote the generated files from the sample's own Build class.
        Assert.True(File.Exists(Path.Combine(fixture.Sample, ".github", "workflows", "ci.yml")));
        Assert.True(File.Exists(Path.Combine(fixture.Sample, ".nuke", "build.schema.json")));
    }

    [Fact]
    public void Nothing_in_the_sample_refers_to_a_path_of_this_repository()
    {
        AssertSucceeded(fixture.Deploy, "./build.sh Deploy in the sample");
        string[] repositories = [RepositoryRoot.Find(), fixture.Source];
        var offending = new List<string>();
        foreach (var file in Directory.EnumerateFiles(fixture.Sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(fixture.Sample, file);
            if (relative.StartsWith(".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            offending.AddRange(repositories.Where(r => text.Contains(r, StringComparison.Ordinal)).Select(r => $"{relative} names {r}"));
        }

        Assert.Empty(offending);
    }

    [Fact]
    public void Only_when_asked_the_build_says_that_the_feed_has_a_newer_Slipway()
    {
        AssertSucceeded(fixture.RestoreWithoutCheck, "./build.sh Restore in the sample");
        AssertSucceeded(fixture.RestoreWithCheck, "./build.sh Restore --check-updates in the sample");
        var message = $"Slipway.Components {fixture.NewerVersion} is in your feed (the build references {fixture.Version})";
        Assert.DoesNotContain(message, fixture.RestoreWithoutCheck!.Output, StringComparison.Ordinal);
        Assert.Contains(message, fixture.RestoreWithCheck!.Output, StringComparison.Ordinal);
        Assert.Contains("build/_build.csproj", fixture.RestoreWithCheck.Output, StringComparison.Ordinal);
    }

    private string PackagePath(string package) => Path.Combine(fixture.Feed, $"{package}.{fixture.Version}.nupkg");

    private static void AssertSucceeded(CommandResult? step, string what)
    {
        Assert.True(step is not null, $"{what} did not run: an earlier step failed (see the other tests)");
        Assert.True(step.ExitCode == 0, $"{what} failed: {step}");
    }

    private static XElement Nuspec(ZipArchive package)
    {
        var entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Element(XElement metadata, string name) =>
        (string?)metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);
}
