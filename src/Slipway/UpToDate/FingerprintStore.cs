using System.Text.Json;

namespace Slipway.UpToDate;

/// <summary>The fingerprints of targets' last successful runs, one file per target under <c>.nuke/temp/fingerprints</c>.</summary>
internal sealed class FingerprintStore
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly AbsolutePath directory;

    public FingerprintStore(AbsolutePath temporaryDirectory) => directory = temporaryDirectory / "fingerprints";

    public AbsolutePath FileOf(string target) => directory / (target + ".json");

    /// <summary>The stored fingerprint; null when there is none or it cannot be read (then the target simply runs).</summary>
    public Fingerprint? Read(string target)
    {
        try
        {
            using var stream = File.OpenRead(FileOf(target));
            return JsonSerializer.Deserialize<Fingerprint>(stream, Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Write(string target, Fingerprint fingerprint)
    {
        directory.CreateDirectory();
        var file = FileOf(target);
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(fingerprint, Json));
        File.Move(temporary, file, overwrite: true);
    }

    /// <summary>Before a target runs: a run that fails or is cancelled must never leave it up to date.</summary>
    public void Forget(string target)
    {
        var file = FileOf(target);
        if (file.FileExists)
        {
            File.Delete(file);
        }
    }
}
