using System.Net;
using System.Text.Json.Nodes;
using Corps.Abstractions;

namespace Corps.Integration.Tests.Serve;

public sealed class ScopeChangeTests
{
    [Fact]
    public async Task ScopeUpdated_Event_RunsAFullSyncThatFollowsTheNewScope()
    {
        await using var scenario = await ServeScenario.StartAsync();
        await scenario.SyncAsync();
        var kept = scenario.Admin.TopDepartments()[0];
        var before = (await scenario.Corp().GetLocalCorpDataAsync(CancellationToken.None)).Members.Count(m => m.Status != MemberStatus.Resigned);

        // The administrator narrows the app's contact scope; Feishu then sends contact.scope.updated_v3 (the emulator
        // changes the scope without an event, so the test sends it, encrypted and signed like the emulator's).
        await scenario.Admin.SetScopeAsync(new JsonObject { ["department_ids"] = new JsonArray(kept) });
        var scopeEvent = SignedDelivery.Envelope("scope-" + Guid.NewGuid().ToString("N"), "contact.scope.updated_v3", ServeScenario.Token,
            DateTimeOffset.UtcNow, new JsonObject { ["added"] = new JsonObject(), ["removed"] = new JsonObject() });
        using (var request = SignedDelivery.Create("/corps/Acme/events", scopeEvent, ServeScenario.EncryptKey))
        using (var response = await scenario.Client.SendAsync(request))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        SyncReport? eventRun = null;
        await Eventually.TrueAsync(async () =>
        {
            var runs = await scenario.Runtime.Database.GetRunsAsync("corps.Acme", 10, CancellationToken.None);
            eventRun = runs.FirstOrDefault(r => r.Trigger == "event");
            return eventRun is not null;
        }, "a full sync started by the event");

        Assert.Equal(SyncOutcome.Applied, eventRun!.Outcome);
        Assert.True(eventRun.Counts.MembersOfflined > 0);
        var after = (await scenario.Corp().GetLocalCorpDataAsync(CancellationToken.None)).Members.Count(m => m.Status != MemberStatus.Resigned);
        Assert.Equal(before - eventRun.Counts.MembersOfflined, after);
        await Eventually.TrueAsync(() => scenario.Inbox().Applied == 1, "the scope event marked applied");
    }
}
