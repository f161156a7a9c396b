using System.Text.Json;
using System.Text.Json.Nodes;
using Corps.Abstractions;
using Corps.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Corps.Reliability.Tests;

/// <summary>
/// Promise 5: the app secret, the encrypt key, the verification token and the tenant access token never appear in
/// logs at any level, CLI output (text and <c>--json</c>), exceptions, <c>getCorpInfo</c>, <c>/status</c>, or any
/// table of the store — on the happy path and on the failure paths where secrets are most likely to slip out.
/// </summary>
public sealed class SecretTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EverySurface_AfterSyncsEventsAndFailures_HoldsNoSecret()
    {
        var port = FreePort.Next();
        await using var rig = await Rig.StartAsync(new RigOptions { Users = 60, Seed = 61, EventsPort = port });
        var surfaces = new Dictionary<string, string>(StringComparer.Ordinal);

        // The CLI, verbose (Debug logs and stack traces on stderr), text and JSON, on every command that reads a corp.
        surfaces["sync --verbose"] = (await rig.CliAsync("sync", "--verbose")).All;
        foreach (var args in new[] { ["sync", "--json", "--verbose"], ["sync", "--dry-run", "--json"], ["list", "--json", "--verbose"], ["list"],
            ["members", "Acme", "--json"], ["tree", "Acme", "--json"], ["status", "--json"], ["status"], ["admin", "get", "Acme", "--json"],
            ["check", "Acme", "--json", "--verbose"], ["check", "Acme"], new[] { "sync", "Acme", "--force", "--verbose" } })
            surfaces[string.Join(' ', args)] = (await rig.CliAsync(args)).All;

        // The service, logging at Trace level: genuine events pushed by the emulator, forged ones, a URL check, /status.
        await using (var serve = await ServeHarness.StartAsync(rig, port))
        {
            await rig.Admin.ChurnAsync(changes: 8, seed: 61);
            Assert.True(await rig.Emulator.Events.VerifyUrlAsync(0));
            await Eventually.TrueAsync(() => serve.Inbox().Pending == 0 && serve.Inbox().Applied > 0, "events applied");
            var forged = Secrets.Delivery.Envelope("forged", "contact.user.updated_v3", DateTimeOffset.UtcNow,
                new JsonObject { ["object"] = new JsonObject { ["open_id"] = "ou_x", ["name"] = "x" } }, token: "wrong");
            using (var request = Secrets.Delivery.Create(ServeHarness.EventsPath, forged, signingKey: "attacker"))
                surfaces["forged delivery reply"] = await (await serve.Client.SendAsync(request)).Content.ReadAsStringAsync();
            using (var request = Secrets.Delivery.Create(ServeHarness.EventsPath, forged))
                surfaces["wrong-token delivery reply"] = await (await serve.Client.SendAsync(request)).Content.ReadAsStringAsync();
            using (var status = await serve.Client.GetAsync("/status"))
            {
                surfaces["GET /status"] = await status.Content.ReadAsStringAsync();
                Assert.True(status.IsSuccessStatusCode, $"/status answered {(int)status.StatusCode}: {surfaces["GET /status"]}\n{serve.Logs.All}");
            }

            surfaces["getCorpInfo"] = JsonSerializer.Serialize(await serve.Corp.GetCorpInfoAsync(CancellationToken.None));
            surfaces["getLocalCorpData"] = JsonSerializer.Serialize(await serve.Corp.GetLocalCorpDataAsync(CancellationToken.None));
            surfaces["getClient"] = serve.Corp.GetClient().ToString() ?? "";
            surfaces["corp.ToString"] = serve.Corp.ToString() ?? "";
            surfaces["authConfig.ToString"] = serve.Corp.AuthConfig.ToString() ?? "";
            surfaces["serve logs (Trace)"] = serve.Logs.All;
        }

        // Failure paths: a revoked token mid-run, a server error storm, then a wrong app secret (the token request fails).
        rig.Emulator.Faults = Corps.Emulator.Options.FaultOptions.Parse("seed=3,revoke-after=4,5xx=30%");
        surfaces["sync under faults"] = (await rig.CliAsync("sync", "--json", "--verbose")).All;
        rig.Emulator.Faults = Corps.Emulator.Options.FaultOptions.None;
        var token = await rig.Admin.TokenAsync();
        rig.WriteElement("Acme", rig.Emulator.BaseUrl, Secrets.AppId, Secrets.AppSecret + "-wrong");
        surfaces["sync with a wrong secret"] = (await rig.CliAsync("sync", "--verbose")).All;
        surfaces["sync with a wrong secret --json"] = (await rig.CliAsync("sync", "--json")).All;
        await using (var runtime = await ServeHarness.StartAsync(rig))
        {
            var exception = await Record.ExceptionAsync(() => runtime.Corp.SyncCorpAsync(new SyncOptions { Trigger = "test" }, CancellationToken.None));
            Assert.NotNull(exception);
            surfaces["exception.ToString"] = exception.ToString();
            surfaces["serve logs of the failure (Trace)"] = runtime.Logs.All;
        }

        // Every table, every column (change_log, sync_runs and the event inbox included).
        surfaces["store"] = rig.Dump().AllText();

        var secrets = new Dictionary<string, string>
        {
            ["appSecret"] = Secrets.AppSecret,
            ["encryptKey"] = Secrets.EncryptKey,
            ["verificationToken"] = Secrets.VerificationToken,
            ["tenant access token"] = token,
        };
        foreach (var (surface, text) in surfaces)
        {
            foreach (var (name, value) in secrets)
                Assert.False(text.Contains(value, StringComparison.Ordinal), $"the {name} appears in {surface}");
        }

        // The greps looked at real content: the logs and the store are not empty, and the token is a real one.
        Assert.True(token.Length >= 16);
        Assert.Contains("corps.Acme", surfaces["serve logs (Trace)"], StringComparison.Ordinal);
        Assert.Contains("change_log:", surfaces["store"], StringComparison.Ordinal);
        Assert.Contains("event_inbox:", surfaces["store"], StringComparison.Ordinal);
        output.WriteLine(Figures.Record("secrets", $"{secrets.Count} secrets × {surfaces.Count} surfaces ({surfaces.Values.Sum(t => t.Length):N0} characters): 0 found"));
    }
}
