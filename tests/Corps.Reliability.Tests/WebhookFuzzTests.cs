using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Corps.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Corps.Reliability.Tests;

/// <summary>
/// Promise 4 (fuzz): thousands of seeded mutations of real event bodies — mutated before encryption (so they reach the
/// decoder and mapper), after encryption, after signing, or sent in plain — never get a 5xx, never crash the service,
/// and only accepted (200) deliveries ever reach the inbox; applying what was accepted never corrupts the store.
/// </summary>
public sealed class WebhookFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EventEndpoint_SeededMutationsOfRealEvents_Never5xxAndOnlyAcceptedEventsChangeTheStore()
    {
        // The emulator's events go to a port nobody listens on: the test delivers them itself, mutated.
        await using var rig = await Rig.StartAsync(new RigOptions { Users = 80, Seed = 51, EventsPort = FreePort.Next() });
        Assert.Equal(0, (await rig.CliAsync("sync")).ExitCode);
        await rig.Admin.ChurnAsync(changes: 25, seed: 51);
        var bodies = rig.Emulator.Events.Emitted.Select(e => e.Json).ToList();
        Assert.True(bodies.Count >= 10, $"only {bodies.Count} real events to mutate");

        var random = new Random(51);
        var statuses = new Dictionary<int, int>();
        var before = rig.Dump();
        await using (var serve = await ServeHarness.StartAsync(rig, processEvents: false))
        {
            long inbox = 0;
            for (var i = 0; i < Scale.FuzzInputs; i++)
            {
                var (request, what) = Mutated(bodies[random.Next(bodies.Count)], i, random);
                using (request)
                using (var response = await serve.Client.SendAsync(request))
                {
                    var status = (int)response.StatusCode;
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(status < 500, $"input {i} ({what}) got {status}: {body}");
                    Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
                    var now = InboxRows(rig);
                    if (status == 200)
                        Assert.InRange(now, inbox, inbox + 1);
                    else
                        Assert.True(now == inbox, $"input {i} ({what}) was refused with {status} but the inbox changed");
                    inbox = now;
                }
            }

            using var health = await serve.Client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            var errors = serve.Logs.Lines.Where(line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 0, "errors logged:\n" + string.Join('\n', errors));
        }

        // Nothing but the inbox changed while events were only being received.
        Assert.Null(rig.Dump().Without("event_inbox").DifferenceFrom(before.Without("event_inbox")));

        // Now apply whatever was accepted: every event ends applied or parked, the store stays sound.
        await using (var serve = await ServeHarness.StartAsync(rig, processEvents: true))
            await Eventually.TrueAsync(() => serve.Inbox().Pending == 0, "the accepted events processed", TimeSpan.FromSeconds(90));
        Assert.Empty(StoreDump.IntegrityProblems(rig.StorePath));
        Assert.Empty(StoreDump.IntegrityProblems(rig.InboxPath));
        Assert.Empty(rig.StoreState().Duplicates());
        using (var connection = StoreDump.Open(rig.StorePath))
        {
            StoreDump.Query(connection, $"ATTACH DATABASE '{rig.InboxPath.Replace("'", "''", StringComparison.Ordinal)}' AS inbox");
            var strays = StoreDump.Query(connection, "SELECT DISTINCT event_id FROM change_log WHERE event_id IS NOT NULL AND event_id NOT IN (SELECT event_id FROM inbox.event_inbox)");
            Assert.Empty(strays);
        }

        output.WriteLine(Figures.Record("webhook fuzz",
            $"{Scale.FuzzInputs} mutated deliveries of {bodies.Count} real events: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value}×{s.Key}")) + "; 0 5xx, 0 crashes"));
    }

    private static (HttpRequestMessage Request, string What) Mutated(string json, int index, Random random)
    {
        // A real event with our subscription's token and a fresh id, so an unmutated one is genuinely valid.
        var node = JsonNode.Parse(json)!;
        node["header"]!["token"] = Secrets.VerificationToken;
        node["header"]!["event_id"] = $"fuzz-{index}";
        var plain = Encoding.UTF8.GetBytes(node.ToJsonString());
        var path = ServeHarness.EventsPath;
        switch (random.Next(10))
        {
            case < 6:
                var inner = random.Next(8) == 0 ? plain : Mutations.Mutate(plain, random);
                return (Secrets.Delivery.Signed(path, RawCipher.Envelope(RawCipher.Encrypt(inner))), "mutated, then encrypted and signed");
            case < 8:
                return (Secrets.Delivery.Signed(path, Mutations.Mutate(RawCipher.Envelope(RawCipher.Encrypt(plain)), random)), "encrypted, mutated, signed");
            case 8:
                var signed = Secrets.Delivery.Signed(path, RawCipher.Envelope(RawCipher.Encrypt(plain)));
                var tampered = Mutations.Mutate(RawCipher.Envelope(RawCipher.Encrypt(plain)), random);
                signed.Content = new ByteArrayContent(tampered);
                return (signed, "signed, then mutated");
            default:
                return (new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Mutations.Mutate(plain, random)) }, "mutated plaintext, unsigned");
        }
    }

    private static long InboxRows(Rig rig)
    {
        using var connection = StoreDump.Open(rig.InboxPath);
        return long.Parse(StoreDump.Query(connection, "SELECT COUNT(*) FROM event_inbox")[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
