using Corps.Abstractions;

namespace Corps.Host.Store;

/// <summary>A decoded event and, when it came through the event inbox, its inbox row.</summary>
/// <param name="InboxId">The <c>event_inbox</c> row id, or null for an event that is not in the inbox. The store records the
/// ids of inbox events it applies and never applies one twice; events without an inbox row are not deduplicated.</param>
/// <param name="Event">The decoded event.</param>
public sealed record StoredEvent(long? InboxId, CorpEvent Event);
