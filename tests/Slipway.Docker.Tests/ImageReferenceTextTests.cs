namespace Slipway.Docker.Tests;

/// <summary>How references and tags print: what push, the registry client and the summary show.</summary>
public sealed class ImageReferenceTextTests
{
    [Theory]
    [InlineData("localhost:5000/api", "localhost:5000/api", "latest")]
    [InlineData("localhost:5000/team/api:1.2.3", "localhost:5000/team/api:1.2.3", "1.2.3")]
    [InlineData("registry.example/api:1.2.3@sha256:feed", "registry.example/api:1.2.3@sha256:feed", "sha256:feed")]
    [InlineData("team/api", "docker.io/team/api", "latest")]
    public void A_reference_prints_its_full_name_and_asks_the_registry_for_digest_then_tag_then_latest(string text, string printed, string reference)
    {
        var parsed = ImageReference.Parse(text);

        Assert.Equal((printed, reference), (parsed.ToString(), parsed.Reference));
    }

    [Fact]
    public void A_port_is_not_a_tag_and_a_registry_needs_a_dot_a_colon_or_localhost()
    {
        Assert.Equal(new ImageReference("localhost:5000", "api", null, null), ImageReference.Parse("localhost:5000/api"));
        Assert.Equal(new ImageReference("localhost", "api", null, null), ImageReference.Parse("localhost/api"));
        Assert.Equal(new ImageReference("docker.io", "team/api", "1", null), ImageReference.Parse("team/api:1"));
        Assert.Equal("docker.io/library/nginx", ImageReference.Parse("nginx").Name);
    }

    [Fact]
    public void A_blank_reference_repository_or_tag_value_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ImageReference.Parse(" "));
        Assert.Throws<ArgumentException>(() => ImageTags.For(" ", "1.0.0", "abc"));
        Assert.Throws<ArgumentException>(() => ImageTags.Sanitize(" "));
    }

    [Theory]
    [InlineData("/api:1.0")]
    [InlineData("registry.example.com//api")]
    [InlineData("registry.example.com/team/")]
    public void A_reference_with_an_empty_name_part_is_refused_naming_it(string text)
    {
        var failure = Assert.Throws<ArgumentException>(() => ImageReference.Parse(text));

        Assert.Contains($"'{text}' is not an image reference", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_that_is_only_a_digest_keeps_it_as_the_digest()
    {
        Assert.Equal("sha256:feed", ImageReference.Parse("@sha256:feed").Digest);
    }

    [Fact]
    public void A_commit_equal_to_the_version_gives_one_tag()
    {
        Assert.Equal(["r/api:abc"], ImageTags.For("r/api", "abc", "abc"));
    }

    [Theory]
    [InlineData("-rc.1", "_-rc.1")]
    [InlineData("a_b.c-d", "a_b.c-d")]
    [InlineData("xä", "x-")]
    public void Sanitize_keeps_tag_characters_and_prefixes_a_leading_dot_or_dash(string value, string tag)
    {
        Assert.Equal(tag, ImageTags.Sanitize(value));
    }

    [Fact]
    public void A_tag_of_exactly_128_characters_is_kept_whole()
    {
        var value = new string('a', 127) + "b";

        Assert.Equal(value, ImageTags.Sanitize(value));
    }
}
