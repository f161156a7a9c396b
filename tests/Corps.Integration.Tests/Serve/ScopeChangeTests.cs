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

        // The administrator narrows the app's contact scope; the emulator then pushes contact.scope.updated_v3
        // (encrypted and signed) to the corp's event endpoint, as Feishu does.
        await scenario.Admin.SetScopeAsync(new JsonObject { ["department_ids"] = new JsonArray(kept) });

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
