using System.Text.Json;
using Slipway.Aws.Ecs.TaskDefinitions;

namespace Slipway.Aws.Tests.TaskDefinitions;

/// <summary>What a person reads when a value in a task-definition file has the wrong kind: the path, the expected kind and what was found.</summary>
public sealed class StrictShapeReaderTests
{
    private static IReadOnlyList<string> Problems(string json, Type type, string path = "x")
    {
        using var document = JsonDocument.Parse(json);
        var reader = new StrictShapeReader();
        reader.Check(document.RootElement, type, path);
        return reader.Problems;
    }

    public static TheoryData<string, Type, string> WrongKinds => new()
    {
        { "\"0.5\"", typeof(double), "x: expected a number, found the string \"0.5\"" },
        { "[1]", typeof(DateTime), "x: expected a timestamp, found a list" },
        { "true", typeof(DateTime?), "x: expected a timestamp, found true" },
        { "\"9\"", typeof(long), "x: expected an integer, found the string \"9\"" },
        { "{}", typeof(IList<string>), "x: expected a list of strings, found an object" },
        { "{}", typeof(IList<bool>), "x: expected a list of booleans, found an object" },
        { "{}", typeof(IList<long>), "x: expected a list of integers, found an object" },
        { "{}", typeof(IList<int>), "x: expected a list of integers (32-bit), found an object" },
        { "{}", typeof(IList<double>), "x: expected a list of numbers, found an object" },
        { "{}", typeof(IList<DateTime>), "x: expected a list of timestamps, found an object" },
        { "{}", typeof(IList<IList<string>>), "x: expected a list of lists of strings, found an object" },
        { "[]", typeof(IDictionary<string, IDictionary<string, long>>), "x: expected an object of objects of integers, found a list" },
        { "[\"a\"]", typeof(string), "x: expected a string, found a list" },
        {
            "\"0123456789012345678901234567890123456789\"", typeof(int),
            "x: expected an integer (32-bit), found the string \"012345678901234567890123456789012345..."
        },
    };

    [Theory]
    [MemberData(nameof(WrongKinds))]
    public void A_value_of_the_wrong_kind_names_the_path_what_was_expected_and_what_was_found(string json, Type type, string problem)
    {
        Assert.Equal([problem], Problems(json, type));
    }

    [Theory]
    [InlineData("0.5", typeof(double))]
    [InlineData("3", typeof(double))]
    [InlineData("1700000000", typeof(DateTime))]
    [InlineData("\"2026-11-28T15:00:00Z\"", typeof(DateTime))]
    [InlineData("[1.5, 2]", typeof(IList<double>))]
    public void A_number_is_a_number_and_a_timestamp_is_epoch_seconds_or_a_string(string json, Type type)
    {
        Assert.Empty(Problems(json, type));
    }

    [Fact]
    public void A_problem_with_the_root_itself_names_the_whole_file()
    {
        Assert.Equal(["(the whole file): expected a string, found the number 7; write it in quotes: \"7\""], Problems("7", typeof(string), ""));
    }
}
