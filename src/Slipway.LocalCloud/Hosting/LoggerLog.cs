using Microsoft.Extensions.Logging;
using Slipway.Output;

namespace Slipway.LocalCloud.Hosting;

/// <summary>Lets the runtime libraries (which write to Slipway's <see cref="ILog"/>) log through the host's logger.</summary>
internal sealed class LoggerLog(ILogger logger) : ILog
{
    public void Write(Output.LogLevel level, string message)
    {
        var mapped = level switch
        {
            Output.LogLevel.Debug => Microsoft.Extensions.Logging.LogLevel.Debug,
            Output.LogLevel.Information => Microsoft.Extensions.Logging.LogLevel.Information,
            Output.LogLevel.Warning => Microsoft.Extensions.Logging.LogLevel.Warning,
            _ => Microsoft.Extensions.Logging.LogLevel.Error,
        };
#pragma warning disable CA1848, CA2254 // The message is already formatted by the library that wrote it.
        logger.Log(mapped, message);
#pragma warning restore CA1848, CA2254
    }
}
