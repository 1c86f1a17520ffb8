using System.Runtime.CompilerServices;
using System.Text;
using Slipway.Tools.AwsModelGenerator;

namespace Slipway.Aws.Tests;

/// <summary>The committed model is exactly what the generator writes from the committed service models.</summary>
public sealed class GeneratedModelTests
{
    [Fact]
    public void Regenerating_the_model_changes_no_file()
    {
        var root = RepositoryRoot();
        var expected = ModelGenerator.GenerateAll(Path.Combine(root, "tools", "AwsModelGenerator", "aws-models"));
        var problems = new StringBuilder();

        foreach (var file in expected)
        {
            var path = Path.Combine(root, file.Path);
            var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
            if (actual is null)
            {
                problems.Append("missing: ").Append(file.Path).Append('\n');
            }
            else if (actual != file.Content)
            {
                problems.Append(Diff(file.Path, file.Content, actual));
            }
        }

        var known = expected.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var directory in ModelGenerator.OutputDirectories)
        {
            foreach (var stale in Directory.GetFiles(Path.Combine(root, directory), "*.g.cs").Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Where(f => !known.Contains(f)))
            {
                problems.Append("not generated any more: ").Append(stale).Append('\n');
            }
        }

        Assert.True(problems.Length == 0, $"The generated model is stale; run `dotnet run --project tools/AwsModelGenerator`.\n{problems}");
    }

    [Fact]
    public void The_diff_names_the_file_and_the_first_lines_that_differ()
    {
        var diff = Diff("src/X.g.cs", "a\nb\nc\n", "a\nB\nc\n");

        Assert.Equal("src/X.g.cs differs from line 2:\n- b\n+ B\n", diff);
    }

    [Fact]
    public void Enum_constants_keep_the_names_the_hand_written_model_had()
    {
        Assert.Equal("awsvpc", Slipway.Aws.Ecs.Model.NetworkMode.Awsvpc);
        Assert.Equal("X86_64", Slipway.Aws.Ecs.Model.CPUArchitecture.X8664);
        Assert.Equal("json-file", Slipway.Aws.Ecs.Model.LogDriver.JsonFile);
        Assert.Equal("WINDOWS_SERVER_20H2_CORE", Slipway.Aws.Ecs.Model.OSFamily.WindowsServer20h2Core);
        Assert.Equal("COMPLETED", Slipway.Aws.Ecs.Model.DeploymentRolloutState.Completed);
        Assert.Equal("containerInsights", Slipway.Aws.Ecs.Model.ClusterSettingName.ContainerInsights);
        Assert.Equal("IMMUTABLE_WITH_EXCLUSION", Slipway.Aws.Ecr.Model.ImageTagMutability.ImmutableWithExclusion);
    }

    [Fact]
    public void Model_documentation_becomes_a_doc_comment_with_code_links_and_paragraphs()
    {
        var lines = DocText.Summary("""<p>Use <code> awsvpc </code> &amp; see <a href="https://example.com/x">the guide</a>.</p> <ul> <li> <p>first</p> </li> </ul>""");

        Assert.Equal(["<summary>", "Use <c>awsvpc</c> &amp; see the guide (https://example.com/x).", "<para>", "- first", "</para>", "</summary>"], lines);
    }

    /// <summary>From the first line that differs, a few lines of each side: enough to see what changed.</summary>
    internal static string Diff(string path, string expected, string actual)
    {
        var want = expected.Split('\n');
        var have = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Max(want.Length, have.Length)).First(i => i >= want.Length || i >= have.Length || want[i] != have[i]);
        var text = new StringBuilder($"{path} differs from line {first + 1}:\n");
        foreach (var line in want.Skip(first).Take(5).TakeWhile((_, i) => first + i >= have.Length || want[first + i] != have[first + i]))
        {
            text.Append("- ").Append(line).Append('\n');
        }

        foreach (var line in have.Skip(first).Take(5).TakeWhile((_, i) => first + i >= want.Length || have[first + i] != want[first + i]))
        {
            text.Append("+ ").Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
