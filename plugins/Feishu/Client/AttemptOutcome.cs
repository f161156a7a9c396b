namespace Corps.Feishu.Client;

/// <summary>How one HTTP attempt ended, for the retry loop.</summary>
internal enum AttemptOutcome
{
    Success,
    Transient,
    RateLimited,
    TokenRejected,
    Failed,
}
