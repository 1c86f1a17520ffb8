using System.Runtime.InteropServices;

namespace Slipway.Docker.Tests;

/// <summary>
/// Writes an htpasswd file for docker-registry, which accepts only bcrypt entries; libcrypt (libxcrypt, in
/// every Debian) computes bcrypt, so the tests need no bcrypt package.
/// </summary>
internal static partial class Htpasswd
{
    public static async Task<string> WriteAsync(string directory, string username, string password)
    {
        var salt = "$2b$05$" + string.Concat(Enumerable.Range(0, 22).Select(_ => "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[Random.Shared.Next(64)]));
        var hash = Marshal.PtrToStringUTF8(Crypt(password, salt)) ?? throw new InvalidOperationException("crypt(3) failed");
        if (!hash.StartsWith("$2b$", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"libcrypt gave no bcrypt hash: {hash}");
        }

        var path = Path.Combine(directory, "htpasswd");
        await File.WriteAllTextAsync(path, $"{username}:{hash}\n");
        return path;
    }

    [LibraryImport("libcrypt.so.1", EntryPoint = "crypt", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr Crypt(string key, string salt);
}
