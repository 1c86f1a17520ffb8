using System.Security.Cryptography;
using System.Text.Json;
using Slipway.Aws.Transport;

namespace Slipway.LocalCloud.State;

/// <summary>
/// The one copy of <see cref="CloudState"/>, behind one lock. Every change is written to <c>state.json</c> before
/// the lock is released (a temporary file flushed to disk, then renamed over the old one), so a client never sees
/// an answer that a kill -9 could take back. Reads and changes are synchronous: no I/O but the save happens inside.
/// </summary>
internal sealed class StateStore
{
    public const string FileName = "state.json";

    private readonly Lock gate = new();
    private readonly string path;
    private readonly CloudState state;
    private byte[] saved = [];

    private StateStore(string path, CloudState state)
    {
        this.path = path;
        this.state = state;
    }

    public string Directory => System.IO.Path.GetDirectoryName(path)!;

    /// <summary>Loads the state of <paramref name="directory"/> (creating it), or starts empty.</summary>
    public static StateStore Open(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(System.IO.Path.GetFullPath(directory), FileName);
        CloudState state;
        if (File.Exists(path))
        {
            try
            {
                state = AwsJson.Deserialize<CloudState>(File.ReadAllBytes(path));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"The local cloud's state file {path} is not valid JSON ({e.Message}). Move it away to start empty, or restore it.", e);
            }
        }
        else
        {
            state = new CloudState();
        }

        if (string.IsNullOrEmpty(state.RegistryPassword))
        {
            state.RegistryPassword = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        }

        var store = new StateStore(path, state);
        store.Mutate(_ => 0);
        return store;
    }

    public T Read<T>(Func<CloudState, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (gate)
        {
            return read(state);
        }
    }

    /// <summary>Applies a change and saves. A change that throws must not have modified anything (validate first).</summary>
    public T Mutate<T>(Func<CloudState, T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            var result = change(state);
            Save();
            return result;
        }
    }

    public void Mutate(Action<CloudState> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Mutate(s =>
        {
            change(s);
            return 0;
        });
    }

    private void Save()
    {
        var bytes = AwsJson.Serialize(state);
        if (bytes.AsSpan().SequenceEqual(saved))
        {
            return; // most scheduler ticks change nothing: no write, no fsync
        }

        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        saved = bytes;
    }
}
