namespace Corps.Emulator.Events;

/// <summary>An event built inside a write, ready to deliver to one target.</summary>
internal sealed record PendingEvent(int TargetIndex, string EventId, string EventType, string Json);
