namespace Slipway.Output;

/// <summary>
/// Replaces every known secret with a mask before text leaves the process. Secrets come from
/// <c>[Secret]</c> parameters and from code that obtains one at run time (a registry password).
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mask = "****";

    private readonly Lock gate = new();
    private string[] secrets = [];

    public void Add(string? secret)
    {
        // Very short values would mask ordinary words ("1", "on"); they are not meaningful secrets anyway.
        if (string.IsNullOrEmpty(secret) || secret.Length < 4)
        {
            return;
        }

        lock (gate)
        {
            if (!secrets.Contains(secret, StringComparer.Ordinal))
            {
                // Longest first, so a secret that contains another is masked whole.
                secrets = [.. secrets.Append(secret).OrderByDescending(s => s.Length)];
            }
        }
    }

    public string Redact(string text)
    {
        var current = Volatile.Read(ref secrets);
        foreach (var secret in current)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
