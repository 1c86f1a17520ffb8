namespace Slipway;

/// <summary>The process exit codes of a build; deployment failures document their own above these.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int TargetFailed = 1;
    public const int UsageError = 2;
    public const int Cancelled = 130;
}
