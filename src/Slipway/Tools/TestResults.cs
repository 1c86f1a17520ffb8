using System.Xml.Linq;

namespace Slipway.Tools;

/// <summary>Counts from the TRX files that <c>dotnet test --logger trx</c> writes.</summary>
public sealed record TestResults(int Passed, int Failed, int Skipped, IReadOnlyList<string> FailedTests)
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public int Total => Passed + Failed + Skipped;

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

    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
