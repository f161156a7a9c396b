using System.Text;
using Corps.Abstractions;
using Corps.Emulator;
using Corps.Emulator.Options;
using Corps.Feishu.Client;
using Corps.Feishu.Tests.Fakes;
using Corps.Feishu.Wire;

namespace Corps.Feishu.Tests.Integration;

/// <summary>The emulator pushes encrypted, signed events for its writes; the corp's decoder must take every one.</summary>
public sealed class EmulatorEventTests
{
    private const string AppId = "cli_0123456789abcdef";
    private const string AppSecret = "integration-secret-0000000000000";
    private const string EncryptKey = "event-encrypt-key";
    private const string Token = "event-verification-token";

    [Fact]
    public async Task Decode_EmulatorPushedUserAndDepartmentEvents_Accepted()
    {
        // The corp decodes; the emulator needs the receiver's URL first, so the corp starts without a base URL.
        using var decodingCorp = new FeishuCorp(TestCorps.Context(AppId, AppSecret, encryptKey: EncryptKey, verificationToken: Token));
        await using var receiver = await WebhookReceiver.StartAsync(decodingCorp);
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Generate = new OrgGenerationOptions { Users = 20, Departments = 3, Seed = 4 },
            Apps = [new AppOptions { AppId = AppId, AppSecret = AppSecret }],
            EventTargets = [new EventTargetOptions { Url = receiver.Url, EncryptKey = EncryptKey, VerificationToken = Token }],
        });
        using var corp = new FeishuCorp(TestCorps.Context(AppId, AppSecret, server.BaseUrl, new Dictionary<string, string> { ["rateLimit"] = "off" }));
        var client = (FeishuClient)corp.GetClient();
        var user = server.Org.Document.Users.First(u => !u.Status.IsResigned && u.DepartmentIds.Count > 0);

        await client.SendAsync(new FeishuRequest(HttpMethod.Patch, $"/open-apis/contact/v3/users/{user.OpenId}")
        {
            Api = "PATCH /contact/v3/users/:id",
            JsonBody = Encoding.UTF8.GetBytes("""{"name":"Renamed Person"}"""),
        }, FeishuJsonContext.Default.FeishuEnvelopeJsonElement, CancellationToken.None);
        await client.SendAsync(new FeishuRequest(HttpMethod.Post, "/open-apis/contact/v3/departments")
        {
            JsonBody = Encoding.UTF8.GetBytes("""{"name":"New Team","parent_department_id":"0","order":"7"}"""),
        }, FeishuJsonContext.Default.FeishuEnvelopeJsonElement, CancellationToken.None);

        var renamed = await receiver.WaitForAsync(a => a.Event.Kind == CorpEventKind.MemberUpserted, TimeSpan.FromSeconds(20));
        var created = await receiver.WaitForAsync(a => a.Event.Kind == CorpEventKind.DepartmentUpserted, TimeSpan.FromSeconds(20));

        Assert.Equal(user.OpenId, renamed.Event.ObjectExternalId);
        Assert.Equal("Renamed Person", renamed.Event.Member!.Name);
        Assert.Equal("New Team", created.Event.Department!.Name);
        Assert.Null(created.Event.Department.ParentExternalId);
        Assert.DoesNotContain(receiver.Decoded, r => r is WebhookResult.Rejected);
    }
}
