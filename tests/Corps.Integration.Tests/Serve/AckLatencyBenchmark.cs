using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Corps.Integration.Tests.Serve;

/// <summary>
/// How fast the endpoint acknowledges under load: 2,000 distinct encrypted, signed member updates posted 32 at a time
/// while the processor applies them. Each acknowledgement includes decryption, signature check and the committed
/// inbox row. Run: <c>CORPS_BENCH=1 dotnet test tests/Corps.Integration.Tests --filter AckLatencyBenchmark --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class AckLatencyBenchmark(ITestOutputHelper output)
{
    private const int Events = 2_000;
    private const int Concurrency = 32;

    [BenchmarkFact]
    public async Task Acknowledge_2000EventsAt32Concurrent_LatencyPercentiles()
    {
        await using var scenario = await ServeScenario.StartAsync(new ScenarioOptions { Users = 200 });
        await scenario.SyncAsync();
        var members = (await scenario.Corp().GetLocalCorpDataAsync(CancellationToken.None)).Members;
        var bodies = Enumerable.Range(0, Events).Select(i =>
        {
            var member = members[i % members.Count];
            return SignedDelivery.Envelope($"bench-{i}", "contact.user.updated_v3", ServeScenario.Token, DateTimeOffset.UtcNow.AddMilliseconds(i),
                new JsonObject { ["object"] = new JsonObject { ["open_id"] = member.ExternalId, ["name"] = $"{member.Name} #{i}" } });
        }).ToList();

        var latencies = new double[Events];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Events)
            {
                using var request = SignedDelivery.Create("/corps/Acme/events", bodies[i], ServeScenario.EncryptKey);
                var watch = Stopwatch.StartNew();
                using var response = await scenario.Client.SendAsync(request);
                latencies[i] = watch.Elapsed.TotalMilliseconds;
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }));
        var acked = total.Elapsed;
        await Eventually.TrueAsync(() => scenario.Inbox().Applied == Events, "every event applied", TimeSpan.FromMinutes(5));
        var applied = total.Elapsed;

        Array.Sort(latencies);
        double At(double p) => latencies[(int)Math.Min(Events - 1, Math.Ceiling(p * Events) - 1)];
        output.WriteLine($"{Events} events, {Concurrency} concurrent, {Environment.ProcessorCount} cores");
        output.WriteLine($"ack latency ms: p50 {At(0.50):F1}, p95 {At(0.95):F1}, p99 {At(0.99):F1}, max {latencies[^1]:F1}");
        output.WriteLine($"all acknowledged after {acked.TotalSeconds:F1} s ({Events / acked.TotalSeconds:F0}/s); all applied after {applied.TotalSeconds:F1} s");
    }
}
