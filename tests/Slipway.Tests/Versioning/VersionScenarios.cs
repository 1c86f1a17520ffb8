using Slipway.Versioning;

namespace Slipway.Tests.Versioning;

/// <summary>
/// Git histories and the version MinVer gives each (tag prefix <c>v</c>, otherwise MinVer's defaults unless a
/// scenario says): the expected versions follow MinVer's documented rules (height along the history from the
/// nearest version tag, the highest version when several tags compete, SemVer 2.0 tags only).
/// </summary>
internal sealed record VersionScenario(string Name, string Expected, Func<GitSandbox, Task> Build)
{
    /// <summary>The options of this scenario, for the build (the file's values) ...</summary>
    public MinVerSettings Settings { get; init; } = MinVerSettings.Default;

    /// <summary>... and the same options written by hand as minver-cli's command line, for the reference run.</summary>
    public IReadOnlyList<string> CliOptions { get; init; } = ["--tag-prefix", "v"];

    /// <summary>A shallow clone or no git at all: the build warns.</summary>
    public string? Warning { get; init; }

    public override string ToString() => Name;
}

internal static class VersionScenarios
{
    public static readonly IReadOnlyList<VersionScenario> All =
    [
        new("empty repository", "0.0.0-alpha.0", g => g.Init()) { Warning = "No commit yet" },
        new("not a git repository", "0.0.0-alpha.0", _ => Task.CompletedTask) { Warning = "Outside git" },
        new("one commit, no tag", "0.0.0-alpha.0", async g => { await g.Init(); await g.Commit(); }),
        new("three commits, no tag: height from the root commit", "0.0.0-alpha.0.2", async g => { await g.Init(); await g.Commits(3); }),
        new("on a tag", "1.0.0", async g => { await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); }),
        new("three commits after a tag", "1.0.1-alpha.0.3", async g => { await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); await g.Commits(3); }),
        new("on an annotated tag", "1.2.3", async g => { await g.Init(); await g.Commit(); await g.AnnotatedTag("v1.2.3"); }),
        new("two commits after an annotated tag", "1.2.4-alpha.0.2", async g => { await g.Init(); await g.Commit(); await g.AnnotatedTag("v1.2.3"); await g.Commits(2); }),
        new("on a pre-release tag", "2.0.0-rc.1", async g => { await g.Init(); await g.Commit(); await g.Tag("v2.0.0-rc.1"); }),
        new("two commits after a pre-release tag", "2.0.0-rc.1.2", async g => { await g.Init(); await g.Commit(); await g.Tag("v2.0.0-rc.1"); await g.Commits(2); }),
        new("a release after its pre-release", "2.0.0", async g => { await g.Init(); await g.Commit(); await g.Tag("v2.0.0-beta.2"); await g.Commit(); await g.Tag("v2.0.0"); }),
        new("two tags on one commit: the higher, even a pre-release", "2.0.0-beta", async g => { await g.Init(); await g.Commit(); await g.AnnotatedTag("v1.0.0"); await g.Tag("v2.0.0-beta"); }),
        new("three tags on one commit", "1.1.0", async g => { await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); await g.Tag("v1.1.0"); await g.Tag("v1.0.5"); }),
        new("two tags on one commit, then a commit", "2.0.0-beta.1.1", async g => { await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); await g.Tag("v2.0.0-beta.1"); await g.Commit(); }),
        new("a release and its release candidate on one commit", "1.0.0", async g => { await g.Init(); await g.Commit(); await g.Tag("v1.0.0-rc.1"); await g.Tag("v1.0.0"); }),
        new("numeric pre-release identifiers compare as numbers", "1.0.0-alpha.10", async g => { await g.Init(); await g.Commit(); await g.Tag("v1.0.0-alpha.9"); await g.Tag("v1.0.0-alpha.10"); }),
        new("merge: the higher tag on the second parent wins", "2.0.1-alpha.0.1", async g =>
        {
            await g.Init(); await g.Commit(); await g.Tag("v1.0.0");
            await g.Branch("feature"); await g.Commit(); await g.Tag("v2.0.0");
            await g.Checkout("main"); await g.Commit(); await g.Merge("feature");
        }),
        new("merge: the higher tag on the first parent wins", "1.1.1-alpha.0.1", async g =>
        {
            await g.Init(); await g.Commit(); await g.Tag("v1.0.0");
            await g.Branch("feature"); await g.Commits(2);
            await g.Checkout("main"); await g.Commit(); await g.Tag("v1.1.0"); await g.Merge("feature");
        }),
        new("merge without tags: height from the root along the first parents", "0.0.0-alpha.0.3", async g =>
        {
            await g.Init(); await g.Commits(2);
            await g.Branch("feature"); await g.Commits(3);
            await g.Checkout("main"); await g.Commit(); await g.Merge("feature");
        }),
        new("merge: a tag below the merge base on one side and a pre-release tag on the other", "1.1.0-beta.1.2", async g =>
        {
            await g.Init(); await g.Commit(); await g.Tag("v1.0.0");
            await g.Branch("feature"); await g.Commit(); await g.Tag("v1.1.0-beta.1"); await g.Commit();
            await g.Checkout("main"); await g.Commits(2); await g.Merge("feature");
        }),
        new("a tag on another branch is not in the history", "1.0.1-alpha.0.1", async g =>
        {
            await g.Init(); await g.Commit(); await g.Tag("v1.0.0");
            await g.Branch("other"); await g.Commit(); await g.Tag("v9.0.0");
            await g.Checkout("main"); await g.Commit();
        }),
        new("build metadata on the tag", "1.0.0+build.5", async g => { await g.Init(); await g.Commit(); await g.Tag("v1.0.0+build.5"); }),
        new("a commit after a tag with build metadata", "1.0.1-alpha.0.1", async g => { await g.Init(); await g.Commit(); await g.Tag("v1.0.0+build.5"); await g.Commit(); }),
        new("an invalid newer tag v1.0.0.0 does not hide a valid older one", "0.9.1-alpha.0.2", async g =>
        {
            await g.Init(); await g.Commit(); await g.Tag("v0.9.0"); await g.Commit(); await g.Tag("v1.0.0.0"); await g.Commit();
        }),
        new("an invalid tag v1.0 is ignored", "0.9.1-alpha.0.1", async g => { await g.Init(); await g.Commit(); await g.Tag("v0.9.0"); await g.Commit(); await g.Tag("v1.0"); }),
        new("leading zeros (v01.0.0) are not SemVer", "0.0.0-alpha.0.1", async g => { await g.Init(); await g.Commits(2); await g.Tag("v01.0.0"); }),
        new("an upper-case prefix V1.0.0 counts", "1.0.0", async g => { await g.Init(); await g.Commit(); await g.Tag("V1.0.0"); }),
        new("a part above 2147483647 is ignored, not a crash", "1.0.1-alpha.0.1", async g =>
        {
            await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); await g.Commit(); await g.Tag("v2147483648.0.0");
        }),
        new("a huge patch number is ignored", "0.0.0-alpha.0", async g => { await g.Init(); await g.Commit(); await g.Tag("v1.0.99999999999999999999"); }),
        new("a tag without the prefix is ignored", "0.0.0-alpha.0.1", async g => { await g.Init(); await g.Commit(); await g.Tag("1.0.0"); await g.Commit(); }),
        new("a tag that is not a version is ignored", "1.0.1-alpha.0.2", async g =>
        {
            await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); await g.Commits(2); await g.Tag("release"); await g.Tag("vnext");
        }),
        new("detached HEAD on an older tag", "1.0.0", async g =>
        {
            await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); await g.Commits(2); await g.Tag("v1.1.0"); await g.Checkout("v1.0.0");
        }),
        new("detached HEAD one commit after a tag", "1.0.1-alpha.0.1", async g =>
        {
            await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); await g.Commit(); var head = await g.Output("rev-parse", "HEAD");
            await g.Commits(2); await g.Tag("v1.1.0"); await g.Checkout(head);
        }),
        new("uncommitted changes do not change the version", "1.0.0", async g =>
        {
            await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); (g.Main / "file-1.txt").WriteAllText("changed");
        }),
        new("a subdirectory of the repository", "1.0.1-alpha.0.1", async g =>
        {
            await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); (g.Main / "src").CreateDirectory(); (g.Main / "src" / "a.txt").WriteAllText("a");
            await g.Git("add", "-A"); await g.Git("commit", "-q", "-m", "src"); g.Versioned = g.Main / "src";
        }),
        new("shallow clone of depth 1 past a tag: MinVer cannot see it", "0.0.0-alpha.0", async g =>
        {
            await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); await g.Commits(2); await g.ShallowClone(1);
        }) { Warning = "Shallow clone" },
        new("shallow clone of depth 1 on a tag", "1.0.0", async g =>
        {
            await g.Init(); await g.Commits(2); await g.Tag("v1.0.0"); await g.ShallowClone(1);
        }) { Warning = "Shallow clone" },
        new("shallow clone deep enough to reach the tag", "1.0.1-alpha.0.2", async g =>
        {
            await g.Init(); await g.Commits(4); await g.Tag("v1.0.0"); await g.Commits(2); await g.ShallowClone(5);
        }) { Warning = "Shallow clone" },
        new("shallow clone without tags", "0.0.0-alpha.0.2", async g =>
        {
            await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); await g.Commits(4); await g.ShallowClone(3, "--no-tags");
        }) { Warning = "Shallow clone" },
        new("auto-increment minor", "1.1.0-alpha.0.1", async g => { await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); await g.Commit(); })
        {
            Settings = MinVerSettings.Default with { AutoIncrement = "minor" },
            CliOptions = ["--tag-prefix", "v", "--auto-increment", "minor"],
        },
        new("default pre-release identifiers preview.0", "1.0.1-preview.0.2", async g => { await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); await g.Commits(2); })
        {
            Settings = MinVerSettings.Default with { DefaultPreReleaseIdentifiers = "preview.0" },
            CliOptions = ["--tag-prefix", "v", "--default-pre-release-identifiers", "preview.0"],
        },
        new("minimum major.minor 3.0", "3.0.0-alpha.0.1", async g => { await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); await g.Commit(); })
        {
            Settings = MinVerSettings.Default with { MinimumMajorMinor = "3.0" },
            CliOptions = ["--tag-prefix", "v", "--minimum-major-minor", "3.0"],
        },
        new("build metadata option", "1.0.1-alpha.0.1+ci.42", async g => { await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); await g.Commit(); })
        {
            Settings = MinVerSettings.Default with { BuildMetadata = "ci.42" },
            CliOptions = ["--tag-prefix", "v", "--build-metadata", "ci.42"],
        },
        new("ignore height", "1.0.0", async g => { await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); await g.Commits(3); })
        {
            Settings = MinVerSettings.Default with { IgnoreHeight = true },
            CliOptions = ["--tag-prefix", "v", "--ignore-height"],
        },
        new("no tag prefix: v-tags are not versions, bare ones are", "2.0.0", async g => { await g.Init(); await g.Commit(); await g.Tag("v1.0.0"); await g.Tag("2.0.0"); })
        {
            Settings = new MinVerSettings(),
            CliOptions = [],
        },
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var scenario in All)
        {
            data.Add(scenario.Name);
        }

        return data;
    }

    public static VersionScenario Named(string name) => All.Single(s => s.Name == name);
}
