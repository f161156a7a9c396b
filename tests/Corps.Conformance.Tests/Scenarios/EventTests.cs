using System.Text.Json;
using Corps.Conformance.Tests.Emulator;
using Corps.Conformance.Tests.Node;
using Corps.Emulator.Org;

namespace Corps.Conformance.Tests.Scenarios;

/// <summary>
/// Contact events the emulator pushes after writes through its Open API, received by the SDK's own webhook adapter
/// and EventDispatcher (one run, see <see cref="EventRunFixture"/>).
/// </summary>
public sealed class EventTests(EventRunFixture run) : IClassFixture<EventRunFixture>
{
    [Fact]
    public void ContactWrites_EncryptedSignedEvents_DecryptVerifyAndDispatchInTheSdk()
    {
        var result = run.Result;
        var org = run.Org;

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
        Assert.Equal(EventRunFixture.VerificationToken, created.String("token"));
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
    public void ScopeChange_NarrowedScope_SdkDispatchesScopeUpdatedWithTheRemovedDepartments()
    {
        var scope = run.Result.GetProperty("dispatched").EnumerateArray().FirstOrDefault(e => e.String("event_type") == "contact.scope.updated_v3");
        Assert.True(scope.ValueKind == JsonValueKind.Object, Describe(run.Result));

        // The app went from the whole org to its first top-level department: the others left its scope.
        var kept = run.Org.Children(EmulatedOrg.RootId)[0].OpenDepartmentId;
        var expected = run.Org.Children(EmulatedOrg.RootId).Select(d => d.OpenDepartmentId).Where(id => id != kept).Order(StringComparer.Ordinal);
        var removed = scope.GetProperty("removed").GetProperty("departments").EnumerateArray().Select(d => d.String("open_department_id")!);
        Assert.Equal(expected, removed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void UrlVerification_EncryptedChallenge_TheSdkAdapterAnswersIt()
    {
        // adaptDefault with autoChallenge decrypts the challenge with the encrypt key and echoes it.
        Assert.True(run.UrlVerified, Describe(run.Result));
    }

    [Fact]
    public void ContactWrites_EveryEventDelivery_IsEncryptedAndSignedOverItsRawBody()
    {
        var result = run.Result;

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
            Assert.Equal(EventRunFixture.VerificationToken, header.String("token"));
            Assert.Matches("^[0-9]{13}$", header.String("create_time"));
        }
    }

    private static string Describe(JsonElement result) =>
        "deliveries: " + result.GetProperty("deliveries") + " dispatched: " + result.GetProperty("dispatched") + " sdkErrors: " + result.SdkErrors();
}
