using System.Xml.Linq;
using Slipway.Processes;

namespace Slipway.Tools;

/// <summary>Counts from the TRX files that <c>dotnet test --logger trx</c> writes, and the failure they add up to.</summary>
public sealed record TestResults(int Passed, int Failed, int Skipped, IReadOnlyList<string> FailedTests)
{
    private const int NamedFailures = 5;
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public int Total => Passed + Failed + Skipped;

    /// <summary>A <c>dotnet test</c> that exited non-zero: with no failed test, it is the failure (a crash, a build error).</summary>
    public ProcessException? RunFailure { get; init; }

    public static TestResults Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return new TestResults(0, 0, 0, []);
        }

        int passed = 0, failed = 0, skipped = 0;
        var failedTests = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.trx", SearchOption.AllDirectories))
        {
            var results = XDocument.Load(file).Descendants(Trx + "UnitTestResult");
            foreach (var result in results)
            {
                switch ((string?)result.Attribute("outcome"))
                {
                    case "Passed":
                        passed++;
                        break;
                    case "Failed" or "Error" or "Timeout" or "Aborted":
                        failed++;
                        failedTests.Add((string?)result.Attribute("testName") ?? "?");
                        break;
                    default:
                        skipped++;
                        break;
                }
            }
        }

        return new TestResults(passed, failed, skipped, failedTests);
    }

    /// <summary>
    /// Throws when tests failed (the count and the first failed tests by name) or, with none failed, when a
    /// test run itself failed; the counts say more than an exit code, so they come first.
    /// </summary>
    public void ThrowIfFailed()
    {
        if (Failed > 0)
        {
            var named = string.Join(", ", FailedTests.Take(NamedFailures)) + (Failed > NamedFailures ? ", …" : string.Empty);
            throw new TargetFailureException($"{Failed} of {Total} tests failed: {named}", ExitCodes.TargetFailed, RunFailure);
        }

        if (RunFailure is not null)
        {
            throw RunFailure;
        }
    }

    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
