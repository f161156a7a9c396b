using Corps.Emulator.Apps;
using Corps.Emulator.Options;
using Corps.Integration.Tests.Feishu.Support;

namespace Corps.Integration.Tests.Feishu;

/// <summary><c>corps check</c> through the CLI against good, wrong-secret and permission-poor apps.</summary>
public sealed class CheckCommandTests
{
    private static readonly OrgGenerationOptions Org = new() { Users = 40, Departments = 5, Seed = 2 };

    private static Dictionary<string, System.Text.Json.JsonElement> Items(CliResult result) =>
        result.Json.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);

    [Fact]
    public async Task Check_GoodApp_AllOkExit0()
    {
        await using var harness = new CorpsHarness();
        harness.AddElement("Acme", await harness.StartEmulatorAsync(Org));

        var json = await harness.RunAsync("check", "Acme", "--json");
        var plain = await harness.RunAsync("check", "Acme");

        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal("ok", json.Json.GetProperty("status").GetString());
        Assert.Equal("corps.FSInnerType", json.Json.GetProperty("type").GetString());
        Assert.All(Items(json).Values, i => Assert.Equal("ok", i.GetProperty("status").GetString()));
        Assert.Contains("user field: email", Items(json).Keys);
        Assert.Equal(0, plain.ExitCode);
        Assert.Contains("corps.Acme: all", plain.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(harness.StorePath), "check never creates the store");
    }

    [Fact]
    public async Task Check_WrongSecret_CredentialsFailedExit3()
    {
        await using var harness = new CorpsHarness();
        harness.AddElement("Acme", await harness.StartEmulatorAsync(Org), secret: "not-the-apps-secret-at-all");

        var result = await harness.RunAsync("check", "Acme", "--json");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal(3, result.Json.GetProperty("exitCode").GetInt32());
        var credentials = Items(result)["credentials"];
        Assert.Equal("failed", credentials.GetProperty("status").GetString());
        Assert.Contains("10014", credentials.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Acme.json", credentials.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_PermissionPoorApp_WarningsNamingEachMissingPermissionExit0()
    {
        await using var harness = new CorpsHarness();
        var app = new AppOptions { AppId = "cli_0000aaaa1111bbbb", AppSecret = "poor-app-secret-0000000000000", Permissions = [Permissions.ContactBase] };
        harness.AddElement("Acme", await harness.StartEmulatorAsync(Org, [app]), app: app);

        var json = await harness.RunAsync("check", "Acme", "--json");
        var plain = await harness.RunAsync("check", "Acme");

        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal("warning", json.Json.GetProperty("status").GetString());
        var items = Items(json);
        foreach (var (name, permission) in new[] { ("user field: email", Permissions.UserEmail), ("user field: mobile", Permissions.UserPhone), ("user groups", Permissions.GroupReadonly) })
        {
            Assert.Equal("warning", items[name].GetProperty("status").GetString());
            Assert.Contains(permission, items[name].GetProperty("detail").GetString() + " " + items[name].GetProperty("fix").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("ok", items["credentials"].GetProperty("status").GetString());
        Assert.Contains("WARNING", plain.Output, StringComparison.Ordinal);
        Assert.Contains(Permissions.UserEmail, plain.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_InvalidElement_Exit2()
    {
        await using var harness = new CorpsHarness();
        harness.AddElement("Acme", await harness.StartEmulatorAsync(Org));
        File.WriteAllText(Path.Combine(harness.ElementsDirectory, "corps", "Acme", "Acme.json"), """{ "appSecret": "x" }""");

        var result = await harness.RunAsync("check", "Acme", "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("configuration", result.Json.GetProperty("error").GetProperty("kind").GetString());
    }
}
