namespace Slipway.Output;

internal enum Verbosity
{
    /// <summary>Warnings, errors and the summary only.</summary>
    Quiet,
    Normal,
    /// <summary>Also debug lines and stack traces.</summary>
    Verbose,
}
