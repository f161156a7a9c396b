using Microsoft.Extensions.Logging;

namespace Corps.Host.Catalog;

/// <summary>The catalog's log messages (event ids 1200–1299).</summary>
internal static partial class CatalogLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Creating corp {CorpFullName} of type {CorpType} failed")]
    public static partial void CreateFailed(ILogger logger, Exception exception, string corpFullName, string corpType);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Creating corp {CorpFullName} of type {CorpType} did not finish within {TimeoutMs} ms; the constructor was abandoned")]
    public static partial void CreateTimedOut(ILogger logger, string corpFullName, string corpType, long timeoutMs);
}
