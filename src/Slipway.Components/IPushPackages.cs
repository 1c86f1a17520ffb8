namespace Slipway.Components;

/// <summary><c>PushPackages</c>: the packages <c>Pack</c> made, pushed to <c>--package-feed</c> with its API key (a secret).</summary>
public interface IPushPackages : IPack
{
    [Parameter("PushPackages: the NuGet feed, e.g. https://api.nuget.org/v3/index.json or a folder")]
    string? PackageFeed => TryGetValue(() => PackageFeed);

    [Parameter("PushPackages: the feed's API key"), Secret]
    string? PackageFeedApiKey => TryGetValue(() => PackageFeedApiKey);

    Target PushPackages => _ => _
        .Description("Push the packages of Pack (and their symbols) to --package-feed")
        .DependsOn<IPack>(x => x.Pack)
        .Requires(() => PackageFeed)
        .Executes(async ct =>
        {
            var packages = PackagesDirectory.GlobFiles("*.nupkg");
            foreach (var package in packages)
            {
                string[] key = PackageFeedApiKey is { Length: > 0 } apiKey ? ["--api-key", apiKey] : [];
                // --skip-duplicate: a rerun of a release job pushes what is missing and fails on nothing else.
                await DotNet.RunAsync("nuget", s => s.AddArguments(["push", package, "--source", PackageFeed!, "--skip-duplicate", .. key]), ct);
            }

            ReportSummary($"{packages.Count} packages → {PackageFeed}");
        });
}
