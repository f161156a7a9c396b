namespace Corps.Abstractions;

/// <summary>An upstream change event, decoded and verified, in the framework's terms.</summary>
/// <remarks>
/// The host stores it durably before acknowledging the delivery, deduplicates on <see cref="EventId"/>, and never
/// lets an event older than the last one applied to the same object (by <see cref="OccurredAt"/>) overwrite it.
/// </remarks>
public sealed record CorpEvent
{
    /// <summary>The upstream event id (Feishu: <c>header.event_id</c>, or <c>uuid</c> for schema 1.0).</summary>
    public required string EventId { get; init; }

    /// <summary>The upstream event type, e.g. <c>contact.user.updated_v3</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>When upstream says the change happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>What the event means.</summary>
    public required CorpEventKind Kind { get; init; }

    /// <summary>The member or department the event is about (its external id).</summary>
    public string? ObjectExternalId { get; init; }

    /// <summary>The member's new state, for <see cref="CorpEventKind.MemberUpserted"/>.</summary>
    public UpstreamMember? Member { get; init; }

    /// <summary>The department's new state, for <see cref="CorpEventKind.DepartmentUpserted"/>.</summary>
    public UpstreamDepartment? Department { get; init; }
}
