using System.Text.Json;
using Corps.Abstractions;
using Corps.Feishu.Contacts;
using Corps.Feishu.Wire;

namespace Corps.Feishu.Tests.Contacts;

public sealed class CompactMapTests
{
    private static WireUser User(string json) => JsonSerializer.Deserialize(json, FeishuJsonContext.Default.WireUser)!;

    [Fact]
    public void Build_LaterValueForSameKey_ReplacesEarlierAndKeepsPlace()
    {
        var map = new CompactMapBuilder().AddIf("a", "1").AddIf("b", "2").AddIf("a", "3").AddIf("c", null).Build(pool: null);

        Assert.Equal([new("a", "3"), new KeyValuePair<string, string>("b", "2")], map);
        Assert.Equal(2, map.Count);
        Assert.False(map.ContainsKey("c"));
    }

    [Fact]
    public void Indexer_MissingKey_ThrowsKeyNotFound()
    {
        var map = new CompactMapBuilder().AddIf("a", "1").Build(pool: null);

        Assert.Equal("1", map["a"]);
        Assert.False(map.TryGetValue("b", out _));
        Assert.Throws<KeyNotFoundException>(() => map["b"]);
    }

    [Fact]
    public void ToMember_WithPool_SameKeySetSharesKeysAndRepeatedValuesShareStrings()
    {
        var pool = new StringPool();
        const string Json = """{"open_id":"ou_X","city":"Hangzhou","custom_attrs":[{"id":"C-1","value":{"text":"blue"}}],"department_ids":["od-a"]}""";

        var first = WireMapper.ToMember(User(Json.Replace("ou_X", "ou_1", StringComparison.Ordinal)), null, null, pool);
        var second = WireMapper.ToMember(User(Json.Replace("ou_X", "ou_2", StringComparison.Ordinal)), null, null, pool);

        Assert.Same(first.Attributes.Keys, second.Attributes.Keys);
        Assert.Same(first.Attributes["city"], second.Attributes["city"]);
        Assert.Same(first.Attributes["custom.C-1"], second.Attributes["custom.C-1"]);
        Assert.Equal("ou_2", second.Identities["open_id"]);
    }

    [Fact]
    public void WithTenantKey_AddsKeyLast_AndNullLeavesMapAsIs()
    {
        var member = WireMapper.ToMember(User("""{"open_id":"ou_1","union_id":"on_1"}"""), null, null, new StringPool());

        Assert.Same(member.Identities, WireMapper.WithTenantKey(member.Identities, null, null));
        Assert.Equal(["open_id", "union_id", "tenant_key"], WireMapper.WithTenantKey(member.Identities, "tk", null).Keys);
    }

    [Fact]
    public void MemberAccumulator_SameDepartmentListedTwice_OneMembershipWithLatestOrder()
    {
        var accumulator = new MemberAccumulator();
        accumulator.Add(User("""{"open_id":"ou_1","orders":[{"department_id":"od-a","user_order":1}]}"""), "od-a");
        accumulator.Add(User("""{"open_id":"ou_1","name":"Later","orders":[{"department_id":"od-a","user_order":7}]}"""), "od-a");

        var member = Assert.Single(accumulator.Build(new HashSet<string> { "od-a" }, "tk"));

        Assert.Equal("Later", member.Name);
        Assert.Equal([new UpstreamMembership("od-a", 7, false)], member.Memberships);
        Assert.Equal("tk", member.Identities["tenant_key"]);
    }
}
