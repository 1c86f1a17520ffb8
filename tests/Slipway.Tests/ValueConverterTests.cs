using Slipway.Parameters;

namespace Slipway.Tests;

public sealed class ValueConverterTests
{
    private static readonly AbsolutePath Root = AbsolutePath.Create("/repo");

    private enum Color
    {
        Red,
        Green,
    }

    private static object? Convert(Type type, params string[] values) => ValueConverter.Convert(new RawValue(values, "--x"), type, Root);

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("yes", true)]
    [InlineData("off", false)]
    public void Booleans_accept_common_spellings(string text, bool expected) => Assert.Equal(expected, Convert(typeof(bool), text));

    [Fact]
    public void A_bare_flag_is_true_for_a_boolean() => Assert.Equal(true, Convert(typeof(bool)));

    [Fact]
    public void A_bare_flag_is_an_error_for_anything_else()
    {
        var error = Assert.Throws<UsageException>(() => Convert(typeof(int)));

        Assert.Equal("--x needs a value: a whole number.", error.Message);
    }

    [Fact]
    public void Integers_parse_invariantly_and_reject_text()
    {
        Assert.Equal(42, Convert(typeof(int), "42"));
        Assert.Equal(-3L, Convert(typeof(long), "-3"));
        Assert.Equal("--x: '4.5' is not valid. Use a whole number.", Assert.Throws<UsageException>(() => Convert(typeof(int), "4.5")).Message);
    }

    [Fact]
    public void Enums_match_names_case_insensitively_and_list_valid_names()
    {
        Assert.Equal(Color.Green, Convert(typeof(Color), "green"));
        Assert.Equal("--x: 'Blue' is not valid. Use Red, Green.", Assert.Throws<UsageException>(() => Convert(typeof(Color), "Blue")).Message);
        Assert.Throws<UsageException>(() => Convert(typeof(Color), "1"));
    }

    [Fact]
    public void Nullable_types_convert_to_their_underlying_type() => Assert.Equal(7, Convert(typeof(int?), "7"));

    [Fact]
    public void Arrays_take_several_words_or_comma_separated_values()
    {
        Assert.Equal(new[] { "a", "b", "c" }, Convert(typeof(string[]), "a", "b,c"));
        Assert.Equal(new[] { Color.Red, Color.Green }, Convert(typeof(Color[]), "red,green"));
        Assert.Throws<UsageException>(() => Convert(typeof(int[]), "1", "x"));
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("00:02:00", 120)]
    [InlineData("250ms", 0.25)]
    public void Durations_accept_units_and_clock_form(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Convert(typeof(TimeSpan), text));

    [Theory]
    [InlineData("5x")]
    [InlineData("")]
    [InlineData("m")]
    public void Bad_durations_say_what_is_valid(string text)
    {
        var error = Assert.Throws<UsageException>(() => Convert(typeof(TimeSpan), text));

        Assert.Contains("a duration such as 90s, 5m, 1h30m or 00:05:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_are_resolved_from_the_repository_root()
    {
        Assert.Equal(AbsolutePath.Create("/repo/artifacts/x"), Convert(typeof(AbsolutePath), "artifacts/x"));
        Assert.Equal(AbsolutePath.Create("/tmp/y"), Convert(typeof(AbsolutePath), "/tmp/y"));
    }

    [Fact]
    public void Urls_must_be_absolute()
    {
        Assert.Equal(new Uri("http://127.0.0.1:4566"), Convert(typeof(Uri), "http://127.0.0.1:4566"));
        Assert.Throws<UsageException>(() => Convert(typeof(Uri), "not a url"));
    }

    [Fact]
    public void A_single_value_parameter_rejects_several_words()
    {
        var error = Assert.Throws<UsageException>(() => Convert(typeof(string), "a", "b"));

        Assert.Contains("takes one value but got 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BaseImage", "base-image", "SLIPWAY_BASE_IMAGE")]
    [InlineData("AwsRegion", "aws-region", "SLIPWAY_AWS_REGION")]
    [InlineData("ECRRepository", "ecr-repository", "SLIPWAY_ECR_REPOSITORY")]
    [InlineData("Configuration", "configuration", "SLIPWAY_CONFIGURATION")]
    public void Names_are_spelled_for_each_source(string member, string kebab, string variable)
    {
        Assert.Equal(kebab, ParameterNames.ToKebabCase(member));
        Assert.Equal(variable, ParameterNames.ToEnvironmentVariable(member));
    }
}
