using System.Text.Json;
using Corps.Conformance.Tests.Emulator;
using Corps.Conformance.Tests.Node;
using Corps.Emulator;
using Corps.Emulator.Options;
using Corps.Emulator.Org;

namespace Corps.Conformance.Tests.Scenarios;

/// <summary>
/// Contact events the emulator pushes after writes through its Open API, received by the SDK's own webhook adapter
/// and EventDispatcher. The emulator's event target must be the script's listener, so each test starts its emulator
/// after the script is listening.
/// </summary>
public sealed class EventTests
{
    private const string EncryptKey = "conformance-encrypt-key";
    private const string VerificationToken = "conformance-verification-token";

    [Fact]
    public async Task ContactWrites_EncryptedSignedEvents_DecryptVerifyAndDispatchInTheSdk()
    {
        var (result, org) = await RunAsync();

        var writes = result.GetProperty("writes");
        foreach (var write in new[] { "created", "renamed", "department", "deleted" })
        {
            Assert.True(writes.GetProperty(write).Int("code") == 0, $"{write}: {writes.GetProperty(write)}");
        }

        Assert.False(result.Bool("timedOut"), "Not every expected event reached the SDK's dispatcher. " + Describe(result));
        var openId = result.String("openId")!;
        Assert.NotNull(org.FindUser(openId, UserIdType.OpenId));

        var dispatched = result.GetProperty("dispatched").EnumerateArray().ToList();
        var created = dispatched.First(e => e.String("event_type") == "contact.user.created_v3" && e.GetProperty("object").String("open_id") == openId);
        Assert.Equal("Conformance Person", created.GetProperty("object").String("name"));
        Assert.Equal(VerificationToken, created.String("token"));
        Assert.Equal(ConformanceApps.Full.AppId, created.String("app_id"));
        Assert.Equal(org.Tenant.TenantKey, created.String("tenant_key"));

        var updated = dispatched.First(e => e.String("event_type") == "contact.user.updated_v3" && e.GetProperty("object").String("open_id") == openId);
        Assert.Equal("Conformance Renamed", updated.GetProperty("object").String("name"));
        // old_object carries the changed fields' old values.
        Assert.Equal("Conformance Person", updated.GetProperty("old_object").String("name"));

        var departmentId = result.String("departmentId")!;
        Assert.Contains(dispatched, e => e.String("event_type") == "contact.department.created_v3" && e.GetProperty("object").String("open_department_id") == departmentId);

        // Reference §5: a deleted user's old_object carries department_ids and open_id.
        var deleted = dispatched.First(e => e.String("event_type") == "contact.user.deleted_v3" && e.GetProperty("object").String("open_id") == openId);
        Assert.Equal(openId, deleted.GetProperty("old_object").String("open_id"));
        Assert.Equal(created.GetProperty("object").Strings("department_ids"), deleted.GetProperty("old_object").Strings("department_ids"));
    }

    [Fact]
    public async Task ContactWrites_EveryEventDelivery_IsEncryptedAndSignedOverItsRawBody()
    {
        var (result, _) = await RunAsync();

        var events = result.GetProperty("deliveries").EnumerateArray()
            .Where(d => d.TryGetProperty("decrypted", out var x) && x.ValueKind == JsonValueKind.Object && x.String("schema") == "2.0")
            .ToList();
        Assert.True(events.Count >= 3, Describe(result));
        foreach (var delivery in events)
        {
            Assert.Equal(["encrypt"], delivery.Strings("bodyKeys"));
            Assert.True(delivery.Bool("signatureOverRawBody"), "signature is not SHA-256(timestamp + nonce + key + raw body): " + delivery);
            Assert.True(delivery.Bool("signatureAsSdkComputes"), "the SDK recomputes the signature over JSON.stringify(body) and gets another value: " + delivery);
            var header = delivery.GetProperty("decrypted").GetProperty("header");
            Assert.Equal(VerificationToken, header.String("token"));
            Assert.Matches("^[0-9]{13}$", header.String("create_time"));
        }
    }

    private static async Task<(JsonElement Result, EmulatedOrg Org)> RunAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var org = EmulatorFixture.Generation with { Users = 40, Departments = 5, Groups = 1 };
        await using var scenario = await NodeScenario.StartAsync("events", new Dictionary<string, object?>
        {
            // The listener starts first; baseUrl and app follow in the "go" message once the emulator runs.
            ["encryptKey"] = EncryptKey,
            ["verificationToken"] = VerificationToken,
            ["waitMs"] = 15000,
        }, TimeSpan.FromSeconds(60), timeout.Token);
        var listening = await scenario.ReadAsync(timeout.Token);
        Assert.Equal("listening", listening.String("stage"));

        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Generate = org,
            Apps = [ConformanceApps.Full],
            EventTargets =
            [
                new EventTargetOptions
                {
                    Url = new Uri(listening.String("url")!),
                    AppId = ConformanceApps.Full.AppId,
                    EncryptKey = EncryptKey,
                    VerificationToken = VerificationToken,
                },
            ],
        }, timeout.Token);
        var department = server.Org.Children(EmulatedOrg.RootId)[0].OpenDepartmentId;
        await scenario.SendAsync(ScenarioInput.For(server.BaseUrl, ConformanceApps.Full, new
        {
            stage = "go",
            departmentId = department,
            user = new { name = "Conformance Person", newName = "Conformance Renamed", mobile = "+8613900000001", email = "conformance.person@example.com" },
            department = new { name = "Conformance Department" },
        }), timeout.Token);
        return (await scenario.ReadResultAsync(timeout.Token), server.Org);
    }

    private static string Describe(JsonElement result) =>
        "deliveries: " + result.GetProperty("deliveries") + " dispatched: " + result.GetProperty("dispatched") + " sdkErrors: " + result.SdkErrors();
}
