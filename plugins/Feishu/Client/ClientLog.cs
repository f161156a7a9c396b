using Microsoft.Extensions.Logging;

namespace Corps.Feishu.Client;

/// <summary>The client's log lines. None carries a token or a secret: only API names, codes, log ids and timings.</summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "{Corp}: fetched a new tenant token, valid {ExpireSeconds} s")]
    public static partial void TokenFetched(this ILogger logger, string corp, int expireSeconds);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "{Corp}: {Api} refused the tenant token (code {Code}, log id {LogId}); fetching a new one")]
    public static partial void TokenRejected(this ILogger logger, string corp, string api, int? code, string? logId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "{Corp}: {Api} rate limited (log id {LogId}); waiting {WaitMs} ms")]
    public static partial void RateLimited(this ILogger logger, string corp, string api, string? logId, long waitMs);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "{Corp}: {Api} attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void Retrying(this ILogger logger, string corp, string api, int attempt, string reason, long delayMs);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "{Corp}: {Api} failed: {Reason} (code {Code}, HTTP {Status}, log id {LogId})")]
    public static partial void CallFailed(this ILogger logger, string corp, string api, string reason, int? code, int? status, string? logId);
}
