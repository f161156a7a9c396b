using Microsoft.Extensions.Logging;

namespace Corps.Host.Store;

/// <summary>The store's log lines (event ids 2000–2099).</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Store {Path} migrated from schema {From} to {To}")]
    public static partial void Migrated(ILogger logger, string path, int from, int to);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Store {Path} opened at schema {Version}")]
    public static partial void Opened(ILogger logger, string path, int version);
}
