namespace Slipway.Components.Tests;

public sealed class SlipwayUpdateListTests
{
    [Fact]
    public void Lists_the_Slipway_packages_whose_latest_version_differs_once_each()
    {
        const string json = """
            {
              "version": 1,
              "projects": [
                {
                  "path": "/repo/build/_build.csproj",
                  "frameworks": [
                    {
                      "framework": "net10.0",
                      "topLevelPackages": [
                        { "id": "Slipway.Components", "requestedVersion": "1.0.0", "resolvedVersion": "1.0.0", "latestVersion": "1.2.0" },
                        { "id": "Slipway.LocalCloud", "requestedVersion": "1.0.0", "resolvedVersion": "1.0.0", "latestVersion": "1.0.0" },
                        { "id": "Serilog", "requestedVersion": "3.0.0", "resolvedVersion": "3.0.0", "latestVersion": "4.0.0" }
                      ]
                    },
                    {
                      "framework": "net9.0",
                      "topLevelPackages": [
                        { "id": "Slipway.Components", "requestedVersion": "1.0.0", "resolvedVersion": "1.0.0", "latestVersion": "1.2.0" }
                      ]
                    }
                  ]
                }
              ]
            }
            """;

        Assert.Equal([new SlipwayUpdate("Slipway.Components", "1.0.0", "1.2.0")], SlipwayUpdateList.Parse(json));
    }

    [Fact]
    public void A_project_with_nothing_outdated_has_no_updates()
    {
        Assert.Empty(SlipwayUpdateList.Parse("""{ "version": 1, "projects": [ { "path": "/repo/build/_build.csproj", "frameworks": [ { "framework": "net10.0" } ] } ] }"""));
    }
}
