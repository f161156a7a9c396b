using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Corps.Integration.Tests.Serve;

public sealed class DeliveryTests
{
    private const string Path = "/corps/Acme/events";

    [Fact]
    public async Task Redelivery_SameEventTwiceAndAnOlderChangeLate_AppliedOnceAndNewestStateWins()
    {
        await using var scenario = await ServeScenario.StartAsync();
        await scenario.SyncAsync();
        var openId = await scenario.Admin.CreateUserAsync("First", scenario.Admin.TopDepartments()[0]);
        await scenario.Admin.RenameUserAsync(openId, "Older");
        var older = scenario.LastEmitted("contact.user.updated_v3");
        await scenario.Admin.RenameUserAsync(openId, "Newest");
        await Eventually.TrueAsync(async () => await scenario.MemberAsync(openId) is { Name: "Newest" }, "the newest name");
        await Eventually.TrueAsync(() => scenario.Inbox().Applied == 3, "three events applied");

        // The same delivery again, hours later as far as the service can tell: acknowledged, not applied again.
        using (var again = ServeScenario.Delivery.Create(Path, older.Json))
        using (var response = await scenario.Client.SendAsync(again))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The older change under another event id (a late, out-of-order delivery): applied as stale, changes nothing.
        var late = JsonNode.Parse(older.Json)!;
        late["header"]!["event_id"] = "late-" + Guid.NewGuid().ToString("N");
        using (var lateRequest = ServeScenario.Delivery.Create(Path, late.ToJsonString()))
        using (var response = await scenario.Client.SendAsync(lateRequest))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await Eventually.TrueAsync(() => scenario.Inbox().Applied == 4, "the late event processed");
        Assert.Equal(0, scenario.Inbox().Pending);
        Assert.Equal("Newest", (await scenario.MemberAsync(openId))!.Name);
    }

    [Fact]
    public async Task BadDeliveries_ForgedWrongTokenGarbageOversizedReplayed_AreRejectedAndChangeNothing()
    {
        await using var scenario = await ServeScenario.StartAsync();
        await scenario.SyncAsync();
        var victim = (await scenario.Corp().GetLocalCorpDataAsync(CancellationToken.None)).Members[0];
        var forgedUpdate = ServeScenario.Delivery.Envelope("forged-1", "contact.user.updated_v3", DateTimeOffset.UtcNow,
            new JsonObject { ["object"] = new JsonObject { ["open_id"] = victim.ExternalId, ["name"] = "Mallory" }, ["old_object"] = new JsonObject { ["name"] = victim.Name } });
        var wrongToken = ServeScenario.Delivery.Envelope("forged-2", "contact.user.updated_v3", DateTimeOffset.UtcNow,
            new JsonObject { ["object"] = new JsonObject { ["open_id"] = victim.ExternalId, ["name"] = "Mallory" } }, token: "not-the-token");

        var cases = new (string What, Func<HttpRequestMessage> Request, HttpStatusCode Expected)[]
        {
            ("signed with another key", () => ServeScenario.Delivery.Create(Path, forgedUpdate, signingKey: "attacker-key"), HttpStatusCode.Unauthorized),
            ("encrypted with another key", () => ServeScenario.Delivery.Create(Path, forgedUpdate, withEncryptKey: "attacker-key"), HttpStatusCode.Unauthorized),
            ("a wrong verification token", () => ServeScenario.Delivery.Create(Path, wrongToken), HttpStatusCode.Unauthorized),
            ("a replayed signature from an hour ago", () => ServeScenario.Delivery.Create(Path, forgedUpdate, sentAt: DateTimeOffset.UtcNow.AddHours(-1)), HttpStatusCode.Unauthorized),
            ("unsigned plaintext", () => new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(forgedUpdate, Encoding.UTF8, "application/json") }, HttpStatusCode.Unauthorized),
            ("signed garbage", () => ServeScenario.Delivery.Signed(Path, "\u0001\u0002 not json {{{"), HttpStatusCode.BadRequest),
            ("an empty body", () => new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent([]) }, HttpStatusCode.BadRequest),
            ("a 2 MiB body", () => ServeScenario.Delivery.Signed(Path, "{\"encrypt\":\"" + new string('A', 2 * 1024 * 1024) + "\"}"), HttpStatusCode.RequestEntityTooLarge),
        };

        foreach (var (what, create, expected) in cases)
        {
            using var request = create();
            using var response = await scenario.Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(expected == response.StatusCode, $"{what}: expected {(int)expected}, got {(int)response.StatusCode} {body}");
            Assert.DoesNotContain(ServeScenario.EncryptKey, body, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        }

        Assert.Equal(new Corps.Host.Events.InboxCounts(0, 0, 0), scenario.Inbox());
        Assert.Equal(victim.Name, (await scenario.MemberAsync(victim.ExternalId))!.Name);
        using var health = await scenario.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
