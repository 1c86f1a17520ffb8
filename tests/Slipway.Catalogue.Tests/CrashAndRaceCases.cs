using System.Diagnostics;
using System.Text;

namespace Slipway.Catalogue.Tests;

/// <summary>Issue 13, "Crashes and races", through ./build.sh.</summary>
[Collection(CatalogueGroup.Name)]
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class CrashAndRaceCases(CatalogueClone clone)
{
    [Theory]
    [InlineData("--help")]
    [InlineData("CatalogueQuick")]
    public async Task A_build_class_that_throws_while_constructed_exits_1_with_the_inner_error_and_its_file_and_line(string argument)
    {
        var run = await clone.BuildShAsync([argument], new Dictionary<string, string> { [CatalogueClone.CrashVariable] = "1" });

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("error: the build could not start: NullReferenceException: ", run.Error, StringComparison.Ordinal);
        Assert.Contains($"(at {CatalogueClone.ProbeFile}:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("TargetInvocationException", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Aborted", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_build_in_the_checkout_waits_for_the_first_names_it_and_runs_when_it_ends_and_SIGTERM_reads_as_terminated()
    {
        using var first = clone.StartBuildSh(["CatalogueHang"]);
        var firstOutput = new Lines(first.StandardOutput);
        _ = first.StandardError.ReadToEndAsync();
        await firstOutput.WaitForAsync("hang started", TimeSpan.FromMinutes(2));

        using var second = clone.StartBuildSh(["CatalogueQuick"]);
        var secondOutput = new Lines(second.StandardOutput);
        var secondError = second.StandardError.ReadToEndAsync();
        await secondOutput.WaitForAsync($"Waiting for the build started at ", TimeSpan.FromMinutes(1));
        Assert.Contains($"by pid {first.Id} to run CatalogueHang to finish", secondOutput.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("quick ran", secondOutput.Text, StringComparison.Ordinal);

        await SendSigtermAsync(first.Id);
        await first.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await second.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await firstOutput.Completed;
        await secondOutput.Completed;

        Assert.Equal(130, first.ExitCode);
        Assert.Contains("terminated (SIGTERM)", firstOutput.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ctrl+C", firstOutput.Text, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, secondOutput.Text + await secondError);
        Assert.Contains("quick ran", secondOutput.Text, StringComparison.Ordinal);
    }

    private static async Task SendSigtermAsync(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>A process's output as it arrives, to wait for a line.</summary>
    private sealed class Lines
    {
        private readonly StringBuilder text = new();

        public Lines(StreamReader reader) => Completed = ReadAsync(reader);

        public Task Completed { get; }

        public string Text
        {
            get
            {
                lock (text)
                {
                    return text.ToString();
                }
            }
        }

        public async Task WaitForAsync(string fragment, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (!Text.Contains(fragment, StringComparison.Ordinal))
            {
                if (clock.Elapsed > timeout || Completed.IsCompleted && !Text.Contains(fragment, StringComparison.Ordinal))
                {
                    await Task.Delay(100);
                    Assert.Fail($"'{fragment}' did not appear within {timeout}; output so far:\n{Text}");
                }

                await Task.Delay(100);
            }
        }

        private async Task ReadAsync(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (text)
                {
                    text.AppendLine(line);
                }
            }
        }
    }
}
