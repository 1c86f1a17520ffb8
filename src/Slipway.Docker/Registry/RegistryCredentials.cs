using System.Text;

namespace Slipway.Docker;

/// <summary>
/// A user name and password (or token) for a registry. <see cref="ToString"/> never shows the secret, so
/// an accidental interpolation into a log line leaks nothing.
/// </summary>
public sealed class RegistryCredentials
{
    public RegistryCredentials(string username, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(password);
        Username = username;
        Password = password;
    }

    public string Username { get; }

    public string Password { get; }

    /// <summary>
    /// From a base64 <c>user:password</c> token, e.g. ECR's GetAuthorizationToken <c>authorizationToken</c>
    /// (<c>AWS:…</c>), which is sent as <c>Authorization: Basic &lt;token&gt;</c>.
    /// </summary>
    public static RegistryCredentials FromBasicToken(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FormatException("a registry token must be base64 of 'user:password'");
        }

        return new RegistryCredentials(decoded[..colon], decoded[(colon + 1)..]);
    }

    /// <summary>The value of a Basic <c>Authorization</c> header.</summary>
    internal string BasicToken => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}"));

    public override string ToString() => $"{Username}:***";
}
