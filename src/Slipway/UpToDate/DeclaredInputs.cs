using System.Globalization;

namespace Slipway.UpToDate;

/// <summary>What <c>.Inputs(...)</c> declared; evaluated each time the engine fingerprints the target.</summary>
internal sealed class DeclaredInputs : ITargetInputs
{
    public List<AbsolutePath> FileList { get; } = [];

    public List<(AbsolutePath Directory, string[] Skipped)> Directories { get; } = [];

    public List<(string Name, Func<CancellationToken, Task<string?>> Value)> Values { get; } = [];

    public ITargetInputs Files(params AbsolutePath[] files) => Files((IEnumerable<AbsolutePath>)files);

    public ITargetInputs Files(IEnumerable<AbsolutePath> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        FileList.AddRange(files);
        return this;
    }

    public ITargetInputs Directory(AbsolutePath directory, params string[] skippedDirectoryNames)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directories.Add((directory, skippedDirectoryNames));
        return this;
    }

    public ITargetInputs Value(string name, object? value)
    {
        var text = value switch
        {
            null => null,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            System.Collections.IEnumerable sequence and not string => string.Join('\n', sequence.Cast<object?>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))),
            _ => value.ToString(),
        };
        return Value(name, _ => Task.FromResult(text));
    }

    public ITargetInputs Value(string name, Func<CancellationToken, Task<string?>> value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        Values.Add((name, value));
        return this;
    }
}
