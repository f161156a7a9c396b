using Corps.Abstractions;

namespace Corps.Feishu.Client;

/// <summary>How a <see cref="FeishuClient"/> connects, paces and retries.</summary>
/// <remarks>The defaults suit a 100,000-person tenant on the real cloud; <see cref="FeishuSettings"/> reads the overrides
/// an element's auth config may carry.</remarks>
public sealed record FeishuClientOptions
{
    /// <summary>The Open Platform's base URL, e.g. <c>https://open.feishu.cn</c> (an emulator's in tests).</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The app id (<c>cli_…</c>).</summary>
    public required string AppId { get; init; }

    /// <summary>The app secret; revealed only in the token request.</summary>
    public required Secret AppSecret { get; init; }

    /// <summary>The cloud's name for messages: <c>Feishu</c> or <c>Lark</c>.</summary>
    public string CloudName { get; init; } = "Feishu";

    /// <summary>Who is calling, for messages (the corp's full name).</summary>
    public string CorpName { get; init; } = "corps.unknown";

    /// <summary>Where the credentials live, for messages (the element's auth config file).</summary>
    public string CredentialsFile { get; init; } = "the element's auth config";

    /// <summary>Client-side pacing per API; <see cref="RateLimit.Off"/> disables it.</summary>
    public RateLimit RateLimit { get; init; } = RateLimit.Documented;

    /// <summary>Requests in flight at once (also the connection pool's size). Default 8.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Attempts per call for transient failures (5xx, timeouts, dropped connections, malformed JSON). Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Waits on rate-limit answers (429 / 99991400) per call before giving up. Default 10.</summary>
    public int MaxRateLimitWaits { get; init; } = 10;

    /// <summary>The longest single wait a rate-limit answer may impose (its reset header is capped to this). Default 60 s.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The timeout of one HTTP attempt, body included. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The timeout of one call, every retry and wait included. Default 5 min.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The first retry's mean delay; each further retry doubles it (with jitter). Default 250 ms.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest retry delay. Default 10 s.</summary>
    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long before its expiry the tenant token is replaced. Default 5 min.</summary>
    public TimeSpan TokenRefreshMargin { get; init; } = TimeSpan.FromMinutes(5);
}
