namespace Corps.Host.Serve;

/// <summary>An event given up on after repeated failures, shown to operators.</summary>
/// <param name="EventId">The upstream event id.</param>
/// <param name="EventType">The upstream event type.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="Attempts">How many attempts failed.</param>
/// <param name="LastError">The last failure.</param>
public sealed record ParkedEvent(string EventId, string EventType, DateTimeOffset ReceivedAt, int Attempts, string? LastError);
