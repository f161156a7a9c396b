namespace Corps.Abstractions;

/// <summary>What a corp type made of one webhook delivery.</summary>
public abstract record WebhookResult
{
    private WebhookResult()
    {
    }

    /// <summary>An endpoint-verification handshake: answer 200 with <paramref name="ResponseJson"/>.</summary>
    public sealed record Challenge(string ResponseJson) : WebhookResult;

    /// <summary>A verified event the host should store and apply.</summary>
    public sealed record Accepted(CorpEvent Event) : WebhookResult;

    /// <summary>A verified event this framework does not act on; answer 200 and drop it.</summary>
    public sealed record Ignored(string EventId, string EventType) : WebhookResult;

    /// <summary>A delivery that failed a check; answer <paramref name="StatusCode"/> (4xx) and change nothing.</summary>
    /// <remarks><paramref name="Reason"/> is logged and returned; it never contains secrets or the body.</remarks>
    public sealed record Rejected(int StatusCode, string Reason) : WebhookResult;
}
