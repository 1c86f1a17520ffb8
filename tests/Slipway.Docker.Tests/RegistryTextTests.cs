namespace Slipway.Docker.Tests;

/// <summary>The small texts of the registry protocol and of the log: challenges, Basic tokens, sizes.</summary>
public sealed class BearerChallengeTests
{
    [Fact]
    public void Unquoted_values_end_at_the_comma_and_lose_surrounding_spaces()
    {
        var parameters = BearerChallenge.Parse(" ,realm = https://auth.example/token , service=registry.example,scope=\"repository:a:pull\"");

        Assert.Equal(
            [("realm", "https://auth.example/token"), ("service", "registry.example"), ("scope", "repository:a:pull")],
            parameters.Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public void Names_are_matched_without_regard_to_case_and_a_quoted_value_keeps_its_spaces()
    {
        var parameters = BearerChallenge.Parse("Realm=\" https://auth.example/token \"");

        Assert.Equal(" https://auth.example/token ", parameters["realm"]);
    }

    [Fact]
    public void An_unterminated_quote_runs_to_the_end_and_a_trailing_name_without_value_is_dropped()
    {
        Assert.Equal([("realm", "https://auth.example/token")], BearerChallenge.Parse("realm=\"https://auth.example/token").Select(p => (p.Key, p.Value)));
        Assert.Equal([("realm", "r")], BearerChallenge.Parse("realm=r, error").Select(p => (p.Key, p.Value)));
        Assert.Empty(BearerChallenge.Parse(""));
    }

    [Fact]
    public void A_trailing_comma_an_empty_last_value_and_an_unquoted_last_value_are_read()
    {
        Assert.Equal([("realm", "r")], BearerChallenge.Parse("realm=r,").Select(p => (p.Key, p.Value)));
        Assert.Equal([("realm", "")], BearerChallenge.Parse("realm=").Select(p => (p.Key, p.Value)));
        Assert.Equal([("realm", "r"), ("scope", "a")], BearerChallenge.Parse("realm=\"r\",scope=a").Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public void A_parameter_without_a_name_does_not_hide_the_ones_after_it()
    {
        Assert.Equal("r", BearerChallenge.Parse("=x, realm=r")["realm"]);
    }
}

public sealed class RegistryCredentialsTests
{
    [Fact]
    public void A_password_may_hold_colons_and_the_Basic_token_round_trips()
    {
        var token = Convert.ToBase64String("AWS:pa:ss:word"u8.ToArray());

        var credentials = RegistryCredentials.FromBasicToken(token);

        Assert.Equal(("AWS", "pa:ss:word", token), (credentials.Username, credentials.Password, credentials.BasicToken));
        Assert.Equal("AWS:***", credentials.ToString());
    }

    [Theory]
    [InlineData("no-colon")]
    [InlineData(":password-without-user")]
    public void A_token_that_is_not_user_colon_password_is_refused(string decoded)
    {
        var error = Assert.Throws<FormatException>(() => RegistryCredentials.FromBasicToken(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(decoded))));

        Assert.Equal("a registry token must be base64 of 'user:password'", error.Message);
    }

    [Fact]
    public void An_empty_user_or_token_is_refused_and_an_empty_password_allowed()
    {
        Assert.Throws<ArgumentException>(() => new RegistryCredentials("", "x"));
        Assert.Throws<ArgumentException>(() => RegistryCredentials.FromBasicToken(""));
        Assert.Throws<ArgumentNullException>(() => new RegistryCredentials("user", null!));
        Assert.Equal("", new RegistryCredentials("user", "").Password);
    }
}

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(999, "999 B")]
    [InlineData(1_000, "1.0 kB")]
    [InlineData(999_949, "999.9 kB")]
    [InlineData(1_000_000, "1.0 MB")]
    [InlineData(123_456_789, "123.5 MB")]
    [InlineData(1_000_000_000, "1.0 GB")]
    [InlineData(2_500_000_000, "2.5 GB")]
    public void Sizes_are_decimal_units_with_one_decimal(long bytes, string text)
        => Assert.Equal(text, ByteSize.Format(bytes));
}
