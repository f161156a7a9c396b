using Corps.Abstractions;
using Corps.Emulator;
using Corps.Emulator.Apps;
using Corps.Emulator.Options;
using Corps.Feishu.Tests.Fakes;

namespace Corps.Feishu.Tests.Integration;

public sealed class EmulatorCheckTests
{
    private const string AppId = "cli_0123456789abcdef";
    private const string AppSecret = "integration-secret-0000000000000";

    private static async Task<IReadOnlyList<ConnectionCheckItem>> CheckAsync(AppOptions app, string secret = AppSecret)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Generate = new OrgGenerationOptions { Users = 40, Departments = 6, Seed = 2 },
            Apps = [app],
        });
        using var corp = new FeishuCorp(TestCorps.Context(AppId, secret, server.BaseUrl, new Dictionary<string, string> { ["rateLimit"] = "off" }));
        return await corp.CheckAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CheckAsync_FullGrant_AllOk()
    {
        var items = await CheckAsync(new AppOptions { AppId = AppId, AppSecret = AppSecret });

        Assert.All(items, i => Assert.True(i.Status == CheckStatus.Ok, $"{i.Name}: {i.Status} {i.Detail}"));
        Assert.Contains(items, i => i.Name == "contact scope" && i.Detail == "the whole tenant");
        Assert.Contains(items, i => i.Name == "user field: email");
    }

    [Fact]
    public async Task CheckAsync_BaseOnly_WarnsPerMissingPermissionWithFix()
    {
        var items = await CheckAsync(new AppOptions { AppId = AppId, AppSecret = AppSecret, Permissions = [Permissions.ContactBase] });

        var email = items.Single(i => i.Name == "user field: email");
        Assert.Equal(CheckStatus.Warning, email.Status);
        Assert.Contains("contact:user.email:readonly", email.Fix, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Warning, items.Single(i => i.Name == "user groups").Status);
        Assert.Equal(CheckStatus.Warning, items.Single(i => i.Name == "tenant").Status);
        Assert.Equal(CheckStatus.Ok, items.Single(i => i.Name == "credentials").Status);
    }

    [Fact]
    public async Task CheckAsync_WrongSecret_CredentialsFailedOnly()
    {
        var items = await CheckAsync(new AppOptions { AppId = AppId, AppSecret = AppSecret }, secret: "nope");

        var item = Assert.Single(items);
        Assert.Equal("credentials", item.Name);
        Assert.Equal(CheckStatus.Failed, item.Status);
        Assert.NotNull(item.Fix);
    }
}
