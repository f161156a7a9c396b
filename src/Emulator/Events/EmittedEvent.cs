namespace Corps.Emulator.Events;

/// <summary>An event the emulator emitted (before encryption), for tests and the control API.</summary>
/// <param name="EventId">The event's <c>header.event_id</c>.</param>
/// <param name="EventType">The event type.</param>
/// <param name="AppId">The app it was built for.</param>
/// <param name="Json">The plaintext schema-2.0 body.</param>
public sealed record EmittedEvent(string EventId, string EventType, string AppId, string Json);
