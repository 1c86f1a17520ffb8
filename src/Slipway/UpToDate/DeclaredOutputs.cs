namespace Slipway.UpToDate;

/// <summary>What <c>.Outputs(...)</c> declared; checked before an up-to-date target is skipped.</summary>
internal sealed class DeclaredOutputs : ITargetOutputs
{
    public List<AbsolutePath> FileList { get; } = [];

    public List<AbsolutePath> Directories { get; } = [];

    public List<(string Description, Func<CancellationToken, Task<bool>> Check)> Checks { get; } = [];

    public ITargetOutputs Files(params AbsolutePath[] files)
    {
        ArgumentNullException.ThrowIfNull(files);
        FileList.AddRange(files);
        return this;
    }

    public ITargetOutputs Directory(AbsolutePath directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directories.Add(directory);
        return this;
    }

    public ITargetOutputs Exists(string description, Func<CancellationToken, Task<bool>> check)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(check);
        Checks.Add((description, check));
        return this;
    }
}
