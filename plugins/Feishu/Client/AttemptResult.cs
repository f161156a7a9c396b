using Corps.Feishu.Wire;

namespace Corps.Feishu.Client;

/// <summary>One HTTP attempt's result: the parsed response, or why it failed.</summary>
internal sealed record AttemptResult<T>(AttemptOutcome Outcome, T? Response = null, string? Reason = null, int? HttpStatus = null,
    string? LogId = null, TimeSpan RetryAfter = default, Exception? Exception = null)
    where T : class, IFeishuResponse;
