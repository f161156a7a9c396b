using System.Text.Json;
using Corps.Host.Tests.Support;

namespace Corps.Host.Tests.Cli;

public sealed class MemberCommandsTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<Dictionary<string, long>> SyncedMemberIdsAsync()
    {
        _cli.AddGoodCorp("Acme", SnapshotFile.Company(3));
        var sync = await _cli.RunAsync("sync", "Acme");
        Assert.True(sync.ExitCode == 0, sync.ToString());
        var members = (await _cli.RunAsync("members", "Acme", "--json")).Json.GetProperty("members");
        return members.EnumerateArray().ToDictionary(member => member.GetProperty("externalId").GetString()!, member => member.GetProperty("id").GetInt64());
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Admin_SetThenGet_ReturnsAdmins()
    {
        var ids = await SyncedMemberIdsAsync();

        var set = await _cli.RunAsync("admin", "set", "Acme", Id(ids["u1"]), Id(ids["u2"]));
        var get = await _cli.RunAsync("admin", "get", "Acme", "--json");

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Equal(["u1", "u2"], get.Json.GetProperty("members").EnumerateArray().Select(member => member.GetProperty("externalId").GetString()).Order());
    }

    [Fact]
    public async Task Role_Set_ReplacesRoles()
    {
        var ids = await SyncedMemberIdsAsync();

        await _cli.RunAsync("role", "set", "Acme", Id(ids["u1"]), "editor", "viewer");
        var result = await _cli.RunAsync("role", "set", "Acme", Id(ids["u1"]), "viewer", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("viewer", Assert.Single(result.Json.GetProperty("roles").EnumerateArray()).GetProperty("roleId").GetString());
    }

    [Fact]
    public async Task Offline_Member_ResignedAndCounted()
    {
        var ids = await SyncedMemberIdsAsync();

        var result = await _cli.RunAsync("offline", "Acme", Id(ids["u2"]), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1, result.Json.GetProperty("changed").GetInt32());
        var members = (await _cli.RunAsync("members", "Acme", "--json")).Json.GetProperty("members");
        Assert.Equal("resigned", members.EnumerateArray().Single(member => member.GetProperty("externalId").GetString() == "u2").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Signature_SetThenGet_RoundTrips()
    {
        var ids = await SyncedMemberIdsAsync();

        var set = await _cli.RunAsync("signature", "set", "Acme", Id(ids["u3"]), "https://files.example.test/sign/u3.png");
        var get = await _cli.RunAsync("signature", "get", "Acme", Id(ids["u3"]), "--json");

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Equal("https://files.example.test/sign/u3.png", get.Json.GetProperty("signatureUrl").GetString());
    }

    [Fact]
    public async Task Signature_SetNotAUrl_Exit2()
    {
        var ids = await SyncedMemberIdsAsync();

        var result = await _cli.RunAsync("signature", "set", "Acme", Id(ids["u3"]), "not a url");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not an absolute http or https URL", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tree_AfterSync_ShowsDepartmentsWithCounts()
    {
        await SyncedMemberIdsAsync();

        var text = await _cli.RunAsync("tree", "Acme");
        var json = await _cli.RunAsync("tree", "Acme", "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("Engineering [eng] (1 member)", text.Output, StringComparison.Ordinal);
        Assert.Contains("Web [web] (2 members)", text.Output, StringComparison.Ordinal);
        Assert.Equal("Acme Inc", json.Json.GetProperty("root").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Array, json.Json.GetProperty("root").GetProperty("children").ValueKind);
    }

    [Fact]
    public async Task Members_BeforeAnySync_Exit2SaysRunSync()
    {
        _cli.AddGoodCorp("Acme", SnapshotFile.Company(1));

        var result = await _cli.RunAsync("members", "Acme");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("corps sync", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.StorePath));
    }
}
