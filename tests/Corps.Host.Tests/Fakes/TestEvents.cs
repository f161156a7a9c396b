using Corps.Abstractions;

namespace Corps.Host.Tests.Fakes;

/// <summary>Builds decoded events for tests.</summary>
internal static class TestEvents
{
    public static CorpEvent MemberUpserted(string eventId, string openId, string name, DateTimeOffset? at = null) => new()
    {
        EventId = eventId,
        EventType = "contact.user.updated_v3",
        OccurredAt = at ?? DateTimeOffset.UnixEpoch.AddDays(20000),
        Kind = CorpEventKind.MemberUpserted,
        ObjectExternalId = openId,
        Member = new UpstreamMember
        {
            ExternalId = openId,
            Name = name,
            Memberships = [new UpstreamMembership("od-1", 3, IsPrimary: true)],
            Identities = new Dictionary<string, string> { ["open_id"] = openId, ["union_id"] = "on_" + openId },
        },
    };

    public static CorpEvent ScopeChanged(string eventId) => new()
    {
        EventId = eventId,
        EventType = "contact.scope.updated_v3",
        OccurredAt = DateTimeOffset.UnixEpoch.AddDays(20000),
        Kind = CorpEventKind.ScopeChanged,
    };
}
