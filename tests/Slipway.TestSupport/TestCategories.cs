namespace Slipway.TestSupport;

/// <summary>
/// Traits for the fast inner loop: <c>[Trait(TestCategories.Name, TestCategories.Integration)]</c> marks tests
/// that need real processes (a Docker engine, a registry, ./build.sh); <c>./build.sh UnitTest</c> (or
/// <c>--filter "Category!=Integration"</c>) leaves them out. CI runs everything.
/// </summary>
public static class TestCategories
{
    public const string Name = "Category";
    public const string Integration = "Integration";
}
