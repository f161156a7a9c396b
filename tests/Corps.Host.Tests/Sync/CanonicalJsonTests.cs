using System.Text.Json;
using Corps.Host.Sync.Local;

namespace Corps.Host.Tests.Sync;

public sealed class CanonicalJsonTests
{
    public static TheoryData<string, string> Values => new()
    {
        { "city", "武汉" },
        { "quote", "say \"hi\" \\ back" },
        { "html", "<b>&'+</b>" },
        { "control", "tab\tnew\nline\u0001" },
        { "emoji", "👍 ok" },
        { "custom.C-1", "" },
        { "Zeta", "upper before lower" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void From_AnyValue_SameTextAsSerializerOfSortedMap(string key, string value)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal) { [key] = value, ["b"] = "2", ["a"] = "1", ["é"] = "accent" };

        var expected = JsonSerializer.Serialize(new SortedDictionary<string, string>(map, StringComparer.Ordinal));

        Assert.Equal(expected, CanonicalJson.From(map));
    }

    [Fact]
    public void From_EmptyOrNull_EmptyObject()
    {
        Assert.Equal("{}", CanonicalJson.From(new Dictionary<string, string>()));
        Assert.Equal("{}", CanonicalJson.From(null));
    }

    [Fact]
    public void From_ThenParse_RoundTrips()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal) { ["city"] = "杭州", ["gender"] = "1" };

        Assert.Equal(map, CanonicalJson.Parse(CanonicalJson.From(map)));
    }
}
