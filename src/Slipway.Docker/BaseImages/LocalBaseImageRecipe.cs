using System.Security.Cryptography;
using System.Text;

namespace Slipway.Docker;

/// <summary>
/// What goes into the local stand-in for mcr.microsoft.com/dotnet/aspnet: a Debian release, its packages,
/// and the host's .NET runtime. The tag is a hash of all of it, so a changed recipe builds a new image and an
/// unchanged one is reused.
/// </summary>
internal sealed record LocalBaseImageRecipe(string Suite, IReadOnlyList<string> Packages, string RuntimeVersion)
{
    public const string Repository = "slipway/dotnet-aspnet-base";

    /// <summary>Bump when the steps in <see cref="LocalBaseImageBuilder"/> change, so old images are not reused.</summary>
    public const int ScriptVersion = 2;

    public const int AppUid = 1654;

    /// <summary>What .NET needs at run time; no ICU because the image runs with invariant globalization.</summary>
    public static IReadOnlyList<string> DefaultPackages { get; } = ["libc6", "libgcc-s1", "libstdc++6", "libssl3", "zlib1g", "ca-certificates", "tzdata"];

    public string Hash
    {
        get
        {
            var text = $"{ScriptVersion}\n{Suite}\n{string.Join(',', Packages)}\n{RuntimeVersion}\n{AppUid}";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        }
    }

    public string Image => $"{Repository}:{Hash}";

    /// <summary>The image configuration, as <c>docker import --change</c> lines; mirrors the official aspnet image.</summary>
    public IReadOnlyList<string> Changes =>
    [
        "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        $"ENV APP_UID={AppUid}",
        "ENV ASPNETCORE_HTTP_PORTS=8080",
        "ENV DOTNET_RUNNING_IN_CONTAINER=true",
        "ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1",
        $"ENV DOTNET_VERSION={RuntimeVersion}",
        $"ENV ASPNET_VERSION={RuntimeVersion}",
    ];
}
