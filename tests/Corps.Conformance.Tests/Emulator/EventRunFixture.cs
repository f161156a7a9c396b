using System.Text.Json;
using Corps.Conformance.Tests.Node;
using Corps.Emulator;
using Corps.Emulator.Options;
using Corps.Emulator.Org;

namespace Corps.Conformance.Tests.Emulator;

/// <summary>
/// One run of the events scenario for its test class. The emulator's event target must be the script's listener, so
/// the script starts first, then an emulator pushing to it; the script makes the writes through the SDK.
/// </summary>
public sealed class EventRunFixture : IAsyncLifetime
{
    internal const string EncryptKey = "conformance-encrypt-key";
    internal const string VerificationToken = "conformance-verification-token";

    internal JsonElement Result { get; private set; }

    internal EmulatedOrg Org { get; private set; } = null!;

    /// <summary>Whether the SDK's adapter answered the emulator's url_verification challenge.</summary>
    internal bool UrlVerified { get; private set; }

    public async Task InitializeAsync()
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
        UrlVerified = await server.Events.VerifyUrlAsync(0, timeout.Token);
        var department = server.Org.Children(EmulatedOrg.RootId)[0].OpenDepartmentId;
        // Narrow the app from the whole org to the department the writes go to: a contact.scope.updated_v3 event.
        server.ChangeScope(ConformanceApps.Full.AppId, new ContactScopeOptions { DepartmentIds = [department] });
        await scenario.SendAsync(ScenarioInput.For(server.BaseUrl, ConformanceApps.Full, new
        {
            stage = "go",
            departmentId = department,
            user = new { name = "Conformance Person", newName = "Conformance Renamed", mobile = "+8613900000001", email = "conformance.person@example.com" },
            department = new { name = "Conformance Department" },
            expectScopeEvent = true,
        }), timeout.Token);
        Result = await scenario.ReadResultAsync(timeout.Token);
        Org = server.Org;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
