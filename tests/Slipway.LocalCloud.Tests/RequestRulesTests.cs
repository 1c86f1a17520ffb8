using System.Text;
using Slipway.LocalCloud.Ecs;
using Slipway.LocalCloud.Protocol;
using Slipway.LocalCloud.Scheduling;

namespace Slipway.LocalCloud.Tests;

/// <summary>How requests are read (names, ARNs, paging, signatures) and the scheduler's launch backoff.</summary>
public sealed class RequestRulesTests
{
    private const string Signature = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Signed = $"AWS4-HMAC-SHA256 Credential=AKID/20261128/us-east-1/ecs/aws4_request, SignedHeaders=host;x-amz-date, Signature={Signature}";

    [Theory]
    [InlineData("api", true)]
    [InlineData("My_service-2", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("dot.ted", false)]
    [InlineData("api\n", false)]
    public void Resource_names_are_letters_digits_hyphens_and_underscores(string name, bool valid) =>
        Assert.Equal(valid, Names.IsValidResourceName(name));

    [Fact]
    public void Resource_names_are_at_most_255_characters()
    {
        Assert.True(Names.IsValidResourceName(new string('a', 255)));
        Assert.False(Names.IsValidResourceName(new string('a', 256)));
    }

    [Theory]
    [InlineData("web", "web")]
    [InlineData("team/web", "team/web")]
    [InlineData("arn:aws:ecs:us-east-1:000000000000:cluster/main", "main")]
    [InlineData("arn:aws:ecs:us-east-1:000000000000:service/main/web", "web")]
    [InlineData("arn:aws:ecs:us-east-1:000000000000:nothing", "arn:aws:ecs:us-east-1:000000000000:nothing")]
    public void A_name_or_arn_reads_as_the_name(string reference, string name) => Assert.Equal(name, Names.LastSegment(reference));

    [Fact]
    public void Pages_follow_each_other_until_the_list_ends()
    {
        var all = Enumerable.Range(1, 5).ToList();

        var (first, token) = Paging.Take(all, null, 2, 100);
        var (second, token2) = Paging.Take(all, token, 2, 100);
        var (third, token3) = Paging.Take(all, token2, 2, 100);

        Assert.Equal([1, 2], first);
        Assert.Equal([3, 4], second);
        Assert.Equal([5], third);
        Assert.Equal("2", Encoding.UTF8.GetString(Convert.FromBase64String(token!)));
        Assert.NotNull(token2);
        Assert.Null(token3);
    }

    [Theory]
    [InlineData(null, 3)]
    [InlineData(0, 3)]
    [InlineData(-1, 3)]
    [InlineData(2, 2)]
    [InlineData(10, 3)]
    public void Max_results_is_capped_by_the_operations_limit_and_ignored_unless_positive(int? maxResults, int taken)
    {
        var all = Enumerable.Range(1, 10).ToList();

        Assert.Equal(taken, Paging.Take(all, "", maxResults, 3).Items.Count);
    }

    [Fact]
    public void A_list_that_fits_one_page_has_no_next_token()
    {
        Assert.Null(Paging.Take([1, 2, 3], null, null, 3).NextToken);
        var (items, next) = Paging.Take(new List<int>(), null, null, 3);
        Assert.Empty(items);
        Assert.Null(next);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("LTE=")] // "-1"
    [InlineData("YWJj")] // "abc"
    public void A_next_token_not_from_a_previous_response_is_refused(string token)
    {
        var error = Assert.Throws<ApiError>(() => Paging.Take([1, 2, 3], token, null, 10));

        Assert.Equal(("InvalidParameterException", 400, "Invalid nextToken: pass the nextToken of the previous response unchanged."), (error.Code, error.Status, error.Message));
    }

    [Fact]
    public void A_well_formed_signature_with_a_date_is_signed()
    {
        Assert.Equal(SigV4Header.Verdict.Signed, SigV4Header.Check(Signed, "20261128T000000Z", out var problem));
        Assert.Equal("", problem);
        Assert.Equal(SigV4Header.Verdict.Signed, SigV4Header.Check($"  {Signed}  ", "20261128T000000Z", out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_authorization_header_is_missing(string? authorization)
    {
        Assert.Equal(SigV4Header.Verdict.Missing, SigV4Header.Check(authorization, "20261128T000000Z", out var problem));
        Assert.Equal("", problem);
    }

    [Theory]
    [InlineData("Bearer token")]
    [InlineData($"AWS4-HMAC-SHA256 Credential=AKID/2026112/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature={Signature}")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20261128/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=abc")]
    [InlineData($"AWS4-HMAC-SHA256 Credential=AKID/20261128/us-east-1/ecs/aws4_request, Signature={Signature}")]
    [InlineData($"x AWS4-HMAC-SHA256 Credential=AKID/20261128/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature={Signature}")]
    [InlineData($"AWS4-HMAC-SHA256 Credential=AKID/20261128/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature={Signature}0")]
    public void A_malformed_authorization_header_names_the_parameters_it_needs(string authorization)
    {
        Assert.Equal(SigV4Header.Verdict.Malformed, SigV4Header.Check(authorization, "20261128T000000Z", out var problem));
        Assert.Equal(
            "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. "
                + $"Authorization={authorization.Split(' ')[0]}",
            problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_signature_without_a_date_is_malformed(string? amzDate)
    {
        Assert.Equal(SigV4Header.Verdict.Malformed, SigV4Header.Check(Signed, amzDate, out var problem));
        Assert.Equal("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.", problem);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 5)]
    [InlineData(3, 10)]
    [InlineData(4, 20)]
    [InlineData(7, 160)]
    [InlineData(8, 300)]
    [InlineData(1000, 300)]
    public void Launches_of_a_failing_deployment_back_off_doubling_from_the_second_failure_up_to_the_maximum(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new SchedulerOptions().Backoff(failures));

    [Fact]
    public void The_backoff_follows_the_configured_base_and_maximum() =>
        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)],
            Enumerable.Range(1, 4).Select(new SchedulerOptions { BackoffBase = TimeSpan.FromSeconds(1), BackoffMax = TimeSpan.FromSeconds(3) }.Backoff));

    [Fact]
    public void The_default_timings_suit_a_developer_machine()
    {
        var options = new SchedulerOptions();

        Assert.Equal(
            (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)),
            (options.TickInterval, options.SettleTime, options.DrainTimeout, options.DefaultStopTimeout, options.StoppedTaskRetention));
    }

    [Fact]
    public void Errors_read_as_AWS_answers_them()
    {
        Assert.Equal(("ServerException", 500, "Service Unavailable. Please try again later."), Read(new ApiError()));
        Assert.Equal(("ServerException", 500, "disk full"), Read(new ApiError("disk full")));
        Assert.Equal(("ServerException", 500, "disk full"), Read(new ApiError("disk full", new IOException())));
        Assert.Equal(("ClientException", 400, "bad"), Read(ApiError.Client("bad")));
        Assert.Equal(("InvalidParameterException", 400, "bad"), Read(ApiError.InvalidParameter("bad")));
        Assert.Equal(("ServiceNotFoundException", 400, "gone"), Read(new ApiError("ServiceNotFoundException", "gone")));

        static (string, int, string) Read(ApiError error) => (error.Code, error.Status, error.Message);
    }
}
