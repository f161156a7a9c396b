namespace Corps.Emulator.Events;

/// <summary>One delivery attempt of one event to one target.</summary>
/// <param name="EventId">The event's <c>header.event_id</c>.</param>
/// <param name="EventType">The event type.</param>
/// <param name="Url">Where it went.</param>
/// <param name="Attempt">0 for the first push, 1–4 for retries.</param>
/// <param name="Status">HTTP status, or 0 when the connection failed.</param>
/// <param name="At">When (emulator clock).</param>
public sealed record EventDelivery(string EventId, string EventType, Uri Url, int Attempt, int Status, DateTimeOffset At);
