using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Slipway.Targets;

namespace Slipway.UpToDate;

/// <summary>
/// Decides whether a target with declared inputs or outputs may be skipped: it is up to date when it is not
/// forced, no dependency with declared inputs ran before it in this build, the fingerprint of its inputs equals
/// that of its last successful run, and its outputs are still there, unchanged. Anything else, including a
/// fingerprint that cannot be read, runs it: a wrong skip is the one mistake this must never make.
/// </summary>
internal sealed class UpToDateChecker
{
    private const int NamedChanges = 3;

    private readonly AbsolutePath root;
    private readonly FingerprintStore store;
    private readonly FileSnapshot snapshot;
    private readonly ForceRequest force;
    private readonly TimeProvider time;
    private readonly string buildIdentity;

    public UpToDateChecker(AbsolutePath root, object build, ForceRequest force, TimeProvider time)
    {
        this.root = root;
        store = new FingerprintStore(root / ".nuke" / "temp");
        snapshot = new FileSnapshot(root);
        this.force = force;
        this.time = time;
        // The code of the build and of the engine is an input of every target: a changed target action is a change.
        buildIdentity = string.Join(',', new[] { build.GetType().Assembly, typeof(UpToDateChecker).Assembly }
            .Distinct()
            .Select(a => a.ManifestModule.ModuleVersionId));
    }

    public async Task<UpToDateDecision> DecideAsync(ExecutableTarget target, ExecutableTarget? ranDependency, CancellationToken cancellationToken)
    {
        Fingerprint current;
        DeclaredOutputs outputs;
        try
        {
            (var inputs, outputs) = target.Definition.Declare();
            current = await ReadInputsAsync(inputs, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new UpToDateDecision(false, $"its inputs could not be read ({FirstLine(e.Message)})", null);
        }

        if (force.Covers(target.Name))
        {
            return new UpToDateDecision(false, "forced (--force)", current);
        }

        if (ranDependency is not null)
        {
            return new UpToDateDecision(false, $"{ranDependency.Name} ran before it", current);
        }

        var stored = store.Read(target.Name);
        if (stored is null)
        {
            return new UpToDateDecision(false, "no earlier successful run", current);
        }

        var change = CompareInputs(stored.Inputs, current.Inputs) ?? CompareValues(stored.Values, current.Values)
            ?? await CheckOutputsAsync(outputs, stored.Outputs, cancellationToken);
        if (change is not null)
        {
            return new UpToDateDecision(false, change, current);
        }

        if (!SameHashes(stored.Inputs, current.Inputs))
        {
            // Touched but unchanged files: keep their new times so the next check needs no hashing.
            stored.Inputs = current.Inputs;
            store.Write(target.Name, stored);
        }

        var since = TimeZoneInfo.ConvertTime(stored.Recorded, time.LocalTimeZone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return new UpToDateDecision(true, $"nothing changed since {since}" + (stored.Note is { Length: > 0 } note ? $" ({note})" : string.Empty), current);
    }

    /// <summary>Before the target runs: whatever happens to this run, the old fingerprint no longer holds.</summary>
    public void Forget(ExecutableTarget target) => store.Forget(target.Name);

    /// <summary>After a successful run: its inputs (as read before it ran), its outputs (as they are now) and its note.</summary>
    public void Record(ExecutableTarget target, Fingerprint inputs)
    {
        var (_, outputs) = target.Definition.Declare();
        var fingerprint = new Fingerprint { Recorded = time.GetUtcNow(), Note = target.Note, Inputs = inputs.Inputs, Values = inputs.Values };
        foreach (var file in outputs.FileList)
        {
            snapshot.AddFile(fingerprint.Outputs, file);
        }

        foreach (var directory in outputs.Directories)
        {
            snapshot.AddDirectory(fingerprint.Outputs, directory, []);
        }

        store.Write(target.Name, fingerprint);
    }

    private async Task<Fingerprint> ReadInputsAsync(DeclaredInputs inputs, CancellationToken cancellationToken)
    {
        var fingerprint = new Fingerprint();
        foreach (var file in inputs.FileList)
        {
            snapshot.AddFile(fingerprint.Inputs, file);
        }

        foreach (var (directory, skipped) in inputs.Directories)
        {
            snapshot.AddDirectory(fingerprint.Inputs, directory, skipped);
        }

        fingerprint.Values["build code"] = HashOf(buildIdentity);
        foreach (var (name, value) in inputs.Values)
        {
            fingerprint.Values[name] = HashOf(await value(cancellationToken));
        }

        return fingerprint;
    }

    /// <summary>The first few differences, or null; hashes a file only when its time changed but its size did not.</summary>
    private string? CompareInputs(Dictionary<string, FileStamp> stored, Dictionary<string, FileStamp> current)
    {
        var changes = new List<string>();
        foreach (var (key, now) in current.ToList())
        {
            if (!stored.TryGetValue(key, out var before))
            {
                changes.Add(now.IsMissing ? $"{key} is missing" : $"{key} was added");
            }
            else if (before.SameStat(now))
            {
                current[key] = now with { Sha256 = before.Sha256 };
            }
            else if (before.IsMissing || now.IsMissing)
            {
                changes.Add(now.IsMissing ? $"{key} was removed" : $"{key} was added");
            }
            else
            {
                // A new size is a change for sure; a new time alone (a checkout, a touch) may not be: compare contents.
                var hash = snapshot.Hash(key);
                current[key] = now with { Sha256 = hash };
                if (before.Sha256 != hash || before.Size != now.Size)
                {
                    changes.Add($"{key} changed");
                }
            }
        }

        changes.AddRange(stored.Keys.Where(k => !current.ContainsKey(k)).Select(k => $"{k} was removed"));
        return Describe(changes);
    }

    private static string? CompareValues(Dictionary<string, string> stored, Dictionary<string, string> current)
    {
        var changes = current.Where(v => !stored.TryGetValue(v.Key, out var before) || before != v.Value).Select(v => $"{v.Key} changed")
            .Concat(stored.Keys.Where(k => !current.ContainsKey(k)).Select(k => $"{k} is no longer an input"))
            .ToList();
        return Describe(changes);
    }

    private async Task<string?> CheckOutputsAsync(DeclaredOutputs outputs, Dictionary<string, FileStamp> stored, CancellationToken cancellationToken)
    {
        var current = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        foreach (var file in outputs.FileList)
        {
            snapshot.AddFile(current, file);
        }

        foreach (var directory in outputs.Directories)
        {
            snapshot.AddDirectory(current, directory, []);
        }

        var changes = new List<string>();
        foreach (var (key, now) in current)
        {
            if (now.IsMissing)
            {
                changes.Add($"output {key} is missing");
            }
            else if (!stored.TryGetValue(key, out var before) || !before.SameStat(now))
            {
                changes.Add(stored.ContainsKey(key) ? $"output {key} changed" : $"output {key} was added");
            }
        }

        changes.AddRange(stored.Keys.Where(k => !current.ContainsKey(k)).Select(k => $"output {k} is missing"));
        if (Describe(changes) is { } fileChange)
        {
            return fileChange;
        }

        foreach (var (description, check) in outputs.Checks)
        {
            bool holds;
            try
            {
                holds = await check(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return $"could not check that {description} ({FirstLine(e.Message)})";
            }

            if (!holds)
            {
                return $"no longer true: {description}";
            }
        }

        return null;
    }

    private static bool SameHashes(Dictionary<string, FileStamp> stored, Dictionary<string, FileStamp> current) =>
        current.All(c => stored.TryGetValue(c.Key, out var s) && s.SameStat(c.Value));

    private static string? Describe(List<string> changes) =>
        changes.Count switch
        {
            0 => null,
            <= NamedChanges => string.Join(", ", changes),
            _ => string.Join(", ", changes.Take(NamedChanges)) + $" and {changes.Count - NamedChanges} more",
        };

    private static string HashOf(string? value) =>
        value is null ? "null" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
