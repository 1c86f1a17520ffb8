using System.Text;
using Slipway.Aws.Transport;
using EcsModel = Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Tests;

/// <summary>
/// Timestamps written by a machine whose local zone is not UTC (the local cloud writes responses with them). The
/// zone of the process is switched for these tests only, so they run alone: no other test sees it.
/// </summary>
[Collection(nameof(ProcessTimeZone))]
public sealed class TimestampTimeZoneTests
{
    private static readonly DateTime Instant = new(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private const string InstantSeconds = "1709294400";

    [Fact]
    public void A_local_time_is_written_as_the_instant_it_names()
    {
        using var zone = ProcessTimeZone.Use("Asia/Tokyo");

        var written = Write(Instant.ToLocalTime());

        Assert.Equal(DateTimeKind.Local, Instant.ToLocalTime().Kind);
        Assert.Equal(InstantSeconds, written);
    }

    [Fact]
    public void A_time_of_unspecified_kind_is_taken_as_UTC_not_as_local_time()
    {
        using var zone = ProcessTimeZone.Use("America/New_York");

        var written = Write(DateTime.SpecifyKind(Instant, DateTimeKind.Unspecified));

        Assert.Equal(InstantSeconds, written);
    }

    [Fact]
    public void A_UTC_time_is_written_unchanged_and_reads_back_as_UTC()
    {
        using var zone = ProcessTimeZone.Use("Asia/Tokyo");

        var written = Write(Instant);
        var read = AwsJson.Deserialize<EcsModel.Deployment>(Encoding.UTF8.GetBytes($$"""{"createdAt":{{written}}}"""));

        Assert.Equal(InstantSeconds, written);
        Assert.Equal((Instant, DateTimeKind.Utc), (read.CreatedAt, read.CreatedAt!.Value.Kind));
    }

    [Fact]
    public void An_ISO_8601_string_without_an_offset_is_read_as_UTC()
    {
        using var zone = ProcessTimeZone.Use("America/New_York");

        var read = AwsJson.Deserialize<EcsModel.Deployment>("""{"createdAt":"2024-03-01T12:00:00"}"""u8);

        Assert.Equal((Instant, DateTimeKind.Utc), (read.CreatedAt, read.CreatedAt!.Value.Kind));
    }

    private static string Write(DateTime createdAt)
    {
        var json = Encoding.UTF8.GetString(AwsJson.Serialize(new EcsModel.Deployment { CreatedAt = createdAt }));
        const string prefix = """{"createdAt":""";
        Assert.StartsWith(prefix, json, StringComparison.Ordinal);
        return json[prefix.Length..^1];
    }
}

/// <summary>Switches the process's local time zone (TZ) for one test, and back; its tests run after all others, alone.</summary>
[CollectionDefinition(nameof(ProcessTimeZone), DisableParallelization = true)]
public sealed class ProcessTimeZone : IDisposable
{
    private readonly string? previous;

    private ProcessTimeZone(string zone)
    {
        previous = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", zone);
        TimeZoneInfo.ClearCachedData();
        Assert.NotEqual(TimeSpan.Zero, TimeZoneInfo.Local.GetUtcOffset(new DateTime(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc)));
    }

    public static ProcessTimeZone Use(string zone) => new(zone);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TZ", previous);
        TimeZoneInfo.ClearCachedData();
    }
}
