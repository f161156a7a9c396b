using Corps.Abstractions;
using Corps.Emulator.Options;
using Corps.Integration.Tests.Feishu.Support;

namespace Corps.Integration.Tests.Feishu;

/// <summary>Several corps of both types in one store, and one person who works for two of them.</summary>
public sealed class SideBySideTests
{
    [Fact]
    public async Task Sync_FeishuAndLarkElements_BothSyncedIntoOneStore()
    {
        await using var harness = new CorpsHarness();
        var feishu = await harness.StartEmulatorAsync(new OrgGenerationOptions { Users = 150, Departments = 12, Seed = 31 });
        var lark = await harness.StartEmulatorAsync(new OrgGenerationOptions { Users = 120, Departments = 9, Seed = 32 });
        harness.AddElement("Beijing", feishu);
        harness.AddElement("Singapore", lark, type: "corps.LarkInnerType");

        var sync = await harness.RunAsync("sync", "--json");
        var list = await harness.RunAsync("list", "--json");

        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.True(list.ExitCode == 0, list.ToString());
        var corps = list.Json.GetProperty("corps").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal("Corps.Feishu", corps["Beijing"].GetProperty("plugin").GetString());
        Assert.Equal("Corps.Lark", corps["Singapore"].GetProperty("plugin").GetString());
        Assert.All(corps.Values, c => Assert.Equal("applied", c.GetProperty("lastSync").GetProperty("outcome").GetString()));
        StoreAssert.HoldsWholeOrg(feishu, await harness.LocalAsync("Beijing"));
        StoreAssert.HoldsWholeOrg(lark, await harness.LocalAsync("Singapore"));
    }

    [Fact]
    public async Task Sync_PersonInTwoCorpsLeavesOne_OfflinedThereStillActiveInTheOther()
    {
        await using var harness = new CorpsHarness();
        var first = await harness.StartEmulatorAsync(new OrgGenerationOptions { Users = 60, Departments = 5, Seed = 41 });
        var second = await harness.StartEmulatorAsync(new OrgGenerationOptions { Users = 60, Departments = 5, Seed = 42 });
        harness.AddElement("Alpha", first);
        harness.AddElement("Beta", second, type: "corps.LarkInnerType");

        // The same person (same email) is a member of both tenants.
        var person = first.Org.Document.Users.First(u => u.DepartmentIds.Count > 0 && u.Status is { IsResigned: false, IsFrozen: false, IsActivated: true } && u.Email is not null);
        string betaOpenId;
        using (var admin = new EmulatorAdmin(second))
            betaOpenId = await admin.CreateUserAsync(person.Name, admin.TopDepartments()[0], person.Email);
        Assert.Equal(0, (await harness.RunAsync("sync")).ExitCode);
        var alphaMember = (await harness.LocalAsync("Alpha")).Members.Single(m => m.ExternalId == person.OpenId);
        var betaMember = (await harness.LocalAsync("Beta")).Members.Single(m => m.ExternalId == betaOpenId);
        Assert.Equal(alphaMember.PersonId, betaMember.PersonId);

        // They leave the first tenant.
        using (var admin = new EmulatorAdmin(first))
            await admin.DeleteUserAsync(person.OpenId);
        var resync = await harness.RunAsync("sync", "Alpha", "--json");

        Assert.True(resync.ExitCode == 0, resync.ToString());
        Assert.Equal(1, resync.Json.GetProperty("results")[0].GetProperty("report").GetProperty("counts").GetProperty("membersOfflined").GetInt32());
        Assert.Equal(MemberStatus.Resigned, (await harness.LocalAsync("Alpha")).Members.Single(m => m.ExternalId == person.OpenId).Status);
        var stillThere = (await harness.LocalAsync("Beta")).Members.Single(m => m.ExternalId == betaOpenId);
        Assert.Equal(MemberStatus.Active, stillThere.Status);
        Assert.Equal(alphaMember.PersonId, stillThere.PersonId);
        var members = await harness.RunAsync("members", "Beta", "--json");
        Assert.Contains(members.Json.GetProperty("members").EnumerateArray(),
            m => m.GetProperty("externalId").GetString() == betaOpenId && m.GetProperty("status").GetString() == "active");
    }
}
