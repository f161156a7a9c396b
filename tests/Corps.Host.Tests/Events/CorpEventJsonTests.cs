using Corps.Abstractions;
using Corps.Host.Events;
using Corps.Host.Tests.Fakes;

namespace Corps.Host.Tests.Events;

public sealed class CorpEventJsonTests
{
    [Fact]
    public void Deserialize_SerializedMemberEvent_RoundTrips()
    {
        var original = TestEvents.MemberUpserted("ev-1", "ou_1", "Ann", DateTimeOffset.Parse("2026-01-02T03:04:05.678+00:00", System.Globalization.CultureInfo.InvariantCulture));

        var copy = CorpEventJson.Deserialize(CorpEventJson.Serialize(original));

        Assert.Equal(original.EventId, copy.EventId);
        Assert.Equal(original.OccurredAt, copy.OccurredAt);
        Assert.Equal(CorpEventKind.MemberUpserted, copy.Kind);
        Assert.Equal("Ann", copy.Member?.Name);
        Assert.Equal(original.Member!.Memberships, copy.Member!.Memberships);
        Assert.Equal("on_ou_1", copy.Member.Identities["union_id"]);
    }

    [Fact]
    public void Serialize_Kind_IsWrittenByName()
    {
        var json = CorpEventJson.Serialize(TestEvents.ScopeChanged("ev-9"));

        Assert.Contains("\"ScopeChanged\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_NotAnEvent_Throws()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => CorpEventJson.Deserialize("{\"eventId\":1}"));
    }
}
