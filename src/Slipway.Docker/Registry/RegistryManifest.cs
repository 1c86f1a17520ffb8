using System.Security.Cryptography;

namespace Slipway.Docker;

/// <summary>A manifest exactly as the registry stored it: bytes, media type and digest (of those bytes).</summary>
public sealed record RegistryManifest(string MediaType, string Digest, ReadOnlyMemory<byte> Content)
{
    /// <summary>The digest a registry gives <paramref name="content"/>: <c>sha256:</c> of its exact bytes.</summary>
    public static string DigestOf(ReadOnlySpan<byte> content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
}

/// <summary>What a HEAD on a manifest tells: digest, media type and size, without the body.</summary>
public sealed record ManifestDescriptor(string MediaType, string Digest, long Size);
