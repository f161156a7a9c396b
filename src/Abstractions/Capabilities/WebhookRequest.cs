namespace Corps.Abstractions;

/// <summary>One HTTP delivery to a corp's event endpoint, as received.</summary>
/// <param name="Headers">Request headers; lookups are case-insensitive.</param>
/// <param name="Body">The raw body bytes (already size-limited by the host).</param>
public sealed record WebhookRequest(IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body);
