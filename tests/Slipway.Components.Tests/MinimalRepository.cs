namespace Slipway.Components.Tests;

/// <summary>
/// A repository that is not this one: a console app and its xunit tests in an <c>.slnx</c>, in a temporary
/// directory outside this repository (so no Directory.Build.props or central versions of ours apply); only the
/// tool manifest that lists minver-cli is taken from here.
/// </summary>
internal sealed class MinimalRepository : IDisposable
{
    public MinimalRepository()
    {
        Root = AbsolutePath.Create(Directory.CreateTempSubdirectory("slipway-minimal-").FullName);
        (Root / ".nuke").CreateDirectory();
        // IPublish versions with MinVer, run as the repository's own local tool (as this repository does).
        File.Copy(RepositoryRoot.Find() / ".config" / "dotnet-tools.json", (Root / ".config").CreateDirectory() / "dotnet-tools.json");
        (Root / "Minimal.slnx").WriteAllText("""
            <Solution>
              <Project Path="src/Hello/Hello.csproj" />
              <Project Path="tests/Hello.Tests/Hello.Tests.csproj" />
            </Solution>
            """);
        (Root / "src" / "Hello" / "Hello.csproj").WriteAllText("""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>
            """);
        (Root / "src" / "Hello" / "Program.cs").WriteAllText("""
            public static class Greeting
            {
                public static string For(string name) => $"Hello, {name}!";

                public static void Main() => System.Console.WriteLine(For("world"));
            }
            """);
        (Root / "tests" / "Hello.Tests" / "Hello.Tests.csproj").WriteAllText("""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../../src/Hello/Hello.csproj" />
              </ItemGroup>
            </Project>
            """);
        (Root / "tests" / "Hello.Tests" / "GreetingTests.cs").WriteAllText("""
            public class GreetingTests
            {
                [Xunit.Fact]
                public void Greets_by_name() => Xunit.Assert.Equal("Hello, Ada!", Greeting.For("Ada"));

                [Xunit.Fact]
                [Xunit.Trait("Category", "Integration")]
                public void Stands_in_for_a_slow_test() => Xunit.Assert.True(true);
            }
            """);
    }

    public AbsolutePath Root { get; }

    public void Dispose() => Root.DeleteDirectory();
}
