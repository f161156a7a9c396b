namespace Corps.Host.Store;

/// <summary>The outcome of <see cref="CorpDatabase.ApplyEventsAsync"/>: how far into the batch it got, and why it stopped.</summary>
/// <remarks>
/// The first <c>Applied.Count</c> events were applied and committed (with their ids recorded as applied in the store; the
/// caller marks their inbox rows); the event after them, if any, wrote nothing. It either needs a full sync
/// (<see cref="NeedsFullSync"/>), failed (<see cref="Failure"/>), or was simply not reached because the batch had held
/// the store long enough (neither set).
/// </remarks>
public sealed record EventBatchResult
{
    /// <summary>One result per applied event, in batch order.</summary>
    public required IReadOnlyList<EventApplyResult> Applied { get; init; }

    /// <summary>Set when the next event cannot be applied alone and asks for a full sync.</summary>
    public EventApplyResult? NeedsFullSync { get; init; }

    /// <summary>Set when applying the next event threw; its writes were rolled back.</summary>
    public Exception? Failure { get; init; }
}
