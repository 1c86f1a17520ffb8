using System.Diagnostics;
using System.Reflection;

namespace Slipway.Execution;

/// <summary>
/// The one line that explains why a build class could not start (its constructor, a field initializer, a target
/// or parameter that throws): the inner error's type and message and where it was thrown, relative to the root.
/// </summary>
internal static class StartupFailure
{
    public static string Describe(Exception exception, string? rootDirectory)
    {
        var cause = Unwrap(exception);
        var location = Location(cause, rootDirectory);
        return $"the build could not start: {cause.GetType().Name}: {cause.Message}{(location is null ? string.Empty : $" (at {location})")}";
    }

    private static Exception Unwrap(Exception exception)
    {
        while (exception is TargetInvocationException or TypeInitializationException && exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }

    /// <summary>The first frame with a source file (the build's own code; the engine's frames come later).</summary>
    private static string? Location(Exception exception, string? rootDirectory)
    {
        var frame = new StackTrace(exception, fNeedFileInfo: true).GetFrames().FirstOrDefault(f => !string.IsNullOrEmpty(f.GetFileName()));
        if (frame?.GetFileName() is not { } file)
        {
            return null;
        }

        var shown = rootDirectory is not null && file.StartsWith(rootDirectory.TrimEnd('/') + "/", StringComparison.Ordinal)
            ? Path.GetRelativePath(rootDirectory, file)
            : file;
        return $"{shown}:{frame.GetFileLineNumber()}";
    }
}
