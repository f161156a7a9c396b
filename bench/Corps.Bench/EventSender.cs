using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Corps.Emulator.Events;
using Microsoft.Data.Sqlite;

namespace Corps.Bench;

/// <summary>
/// Offers encrypted, signed <c>contact.user.updated_v3</c> deliveries to a running <c>corps serve</c> at a fixed rate
/// (open loop: a slow answer does not slow the offer), re-delivers a share of them, waits until the corp's inbox is
/// drained, then checks the store: every event applied exactly once and every person's last update is what it holds.
/// </summary>
/// <remarks>Bodies are built and encrypted before the clock starts, so the sender's own crypto is not in the figures.
/// Latency is measured from each request's send to its answer, and also from its scheduled time (which counts the
/// sender's own queueing, so a saturated server cannot hide behind a slowed offer).</remarks>
internal static class EventSender
{
    public static async Task<int> RunAsync(BenchArguments options, CancellationToken cancellationToken)
    {
        var target = new Uri(options.Required("target"));
        var status = new Uri(options.Required("status"));
        var corp = options.Required("corp");
        var store = options.Required("store");
        var key = options.Required("encrypt-key");
        var token = options.Required("token");
        var appId = options.Required("app-id");
        var rate = options.Number("rate", 1000);
        var seconds = options.Number("seconds", 5);
        var duplicates = options.Number("duplicates", 0.05);
        var maxInFlight = (int)options.Number("max-in-flight", 256);
        var tag = options.Optional("tag") ?? DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var count = (int)(rate * seconds);

        var (users, tenantKey) = await LoadUsersAsync(options.Url("emulator"), cancellationToken).ConfigureAwait(false);
        var build = Stopwatch.StartNew();
        var deliveries = Build(users, tenantKey, appId, key, token, tag, count);
        Console.Error.WriteLine($"built {count} encrypted, signed events for {users.Count} people in {build.ElapsedMilliseconds} ms");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxInFlight, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        var before = await InboxAsync(http, status, corp, cancellationToken).ConfigureAwait(false);
        var latencies = new double[count];
        var scheduled = new double[count];
        var codes = new int[count];
        var duplicateCodes = new List<int>();
        using var inFlight = new SemaphoreSlim(maxInFlight);
        var tasks = new List<Task>(count);
        var start = Stopwatch.GetTimestamp();
        for (var k = 0; k < count; k++)
        {
            var due = k / rate;
            var wait = due - Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (wait > 0.002)
                await Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken).ConfigureAwait(false);
            await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
            var index = k;
            var resend = duplicates > 0 && ((index * 7919L) % 1000) < duplicates * 1000;
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    var sent = Stopwatch.GetTimestamp();
                    codes[index] = await PostAsync(http, target, deliveries[index], cancellationToken).ConfigureAwait(false);
                    var done = Stopwatch.GetTimestamp();
                    latencies[index] = Stopwatch.GetElapsedTime(sent, done).TotalMilliseconds;
                    scheduled[index] = (Stopwatch.GetElapsedTime(start, done).TotalSeconds - (index / rate)) * 1000;
                    if (resend)
                    {
                        // A re-delivery of the same event (Feishu retries; at-least-once): acknowledged, never applied twice.
                        var again = await PostAsync(http, target, deliveries[index], cancellationToken).ConfigureAwait(false);
                        lock (duplicateCodes)
                            duplicateCodes.Add(again);
                    }
                }
                finally
                {
                    inFlight.Release();
                }
            }, cancellationToken));
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        var offeredSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var drained = await WaitDrainedAsync(http, status, corp, before.Applied + count, TimeSpan.FromSeconds(options.Number("drain-timeout", 300)), start, cancellationToken)
            .ConfigureAwait(false);
        var check = await CheckStoreAsync(store, tag, users, count, cancellationToken).ConfigureAwait(false);

        Array.Sort(latencies);
        Array.Sort(scheduled);
        var result = new JsonObject
        {
            ["offeredPerSecond"] = rate,
            ["events"] = count,
            ["duplicatesSent"] = duplicateCodes.Count,
            ["offerSeconds"] = Math.Round(offeredSeconds, 3),
            ["acked200"] = codes.Count(c => c == 200),
            ["ackedOther"] = codes.Count(c => c != 200),
            ["duplicateAcked200"] = duplicateCodes.Count(c => c == 200),
            ["ackMs"] = Percentiles(latencies),
            ["ackFromScheduleMs"] = Percentiles(scheduled),
            ["drainedSeconds"] = drained.Seconds is { } s ? Math.Round(s, 3) : null,
            ["appliedPerSecond"] = drained.Seconds is { } d ? Math.Round(count / d, 1) : null,
            ["inboxAfter"] = new JsonObject { ["pending"] = drained.Inbox.Pending, ["parked"] = drained.Inbox.Parked, ["applied"] = drained.Inbox.Applied },
            ["store"] = check,
        };
        Console.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return codes.All(c => c == 200) && check["ok"]!.GetValue<bool>() ? 0 : 1;
    }

    private static async Task<(List<JsonObject> Users, string TenantKey)> LoadUsersAsync(Uri emulator, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var bytes = await http.GetByteArrayAsync(new Uri(emulator, "_emulator/org/export"), cancellationToken).ConfigureAwait(false);
        var document = JsonNode.Parse(bytes)!.AsObject();
        var users = document["users"]!.AsArray()
            .Select(u => u!.AsObject())
            .Where(u => u["department_ids"] is JsonArray { Count: > 0 } && u["status"]?["is_resigned"]?.GetValue<bool>() != true)
            .ToList();
        return (users, document["tenant"]!["tenant_key"]!.GetValue<string>());
    }

    private static Delivery[] Build(List<JsonObject> users, string tenantKey, string appId, string key, string token, string tag, int count)
    {
        var baseTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var deliveries = new Delivery[count];
        Parallel.For(0, count, k =>
        {
            var user = users[k % users.Count];
            var name = user["name"]!.GetValue<string>();
            var changed = user.DeepClone().AsObject();
            changed["name"] = NameOf(name, tag, k);
            var body = new JsonObject
            {
                ["schema"] = "2.0",
                ["header"] = new JsonObject
                {
                    ["event_id"] = $"bench-{tag}-{k}",
                    ["event_type"] = "contact.user.updated_v3",
                    // One millisecond apart: a person's later update is always the newer one.
                    ["create_time"] = (baseTime + k).ToString(CultureInfo.InvariantCulture),
                    ["token"] = token,
                    ["app_id"] = appId,
                    ["tenant_key"] = tenantKey,
                },
                ["event"] = new JsonObject { ["object"] = changed, ["old_object"] = new JsonObject { ["name"] = name } },
            };
            var encrypted = new JsonObject { ["encrypt"] = EventCipher.Encrypt(key, body.ToJsonString()) }.ToJsonString();
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            deliveries[k] = new Delivery(Encoding.UTF8.GetBytes(encrypted), timestamp, nonce, EventSigner.Sign(timestamp, nonce, key, encrypted));
        });
        return deliveries;
    }

    private static string NameOf(string original, string tag, int k) => $"{original} ~{tag}-{k}";

    private static async Task<int> PostAsync(HttpClient http, Uri target, Delivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Lark-Request-Timestamp", delivery.Timestamp);
        request.Headers.Add("X-Lark-Request-Nonce", delivery.Nonce);
        request.Headers.Add("X-Lark-Signature", delivery.Signature);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return -1;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return -2;
        }
    }

    private static async Task<Inbox> InboxAsync(HttpClient http, Uri status, string corp, CancellationToken cancellationToken)
    {
        var document = await http.GetFromJsonAsync<JsonObject>(status, cancellationToken).ConfigureAwait(false);
        var entry = document!["corps"]!.AsArray().Select(c => c!.AsObject()).First(c => c["name"]!.GetValue<string>() == corp);
        var inbox = entry["inbox"]!;
        return new Inbox(inbox["pending"]!.GetValue<long>(), inbox["parked"]!.GetValue<long>(), inbox["applied"]!.GetValue<long>());
    }

    private static async Task<(double? Seconds, Inbox Inbox)> WaitDrainedAsync(HttpClient http, Uri status, string corp, long expectedApplied, TimeSpan timeout,
        long start, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var inbox = await InboxAsync(http, status, corp, cancellationToken).ConfigureAwait(false);
            if (inbox.Pending == 0 && inbox.Applied + inbox.Parked >= expectedApplied)
                return (Stopwatch.GetElapsedTime(start).TotalSeconds, inbox);
            if (Stopwatch.GetTimestamp() > deadline)
                return (null, inbox);
            // Not faster: every /status read counts the inbox, and the service pays for it.
            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Nothing lost (each event's inbox row applied; each touched person holds their last update's name) and
    /// nothing applied twice (exactly one change-log entry per event).</summary>
    private static async Task<JsonObject> CheckStoreAsync(string path, string tag, List<JsonObject> users, int count, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var like = $"bench-{tag}-%";
        long inboxRows, inboxApplied;
        // The inbox has its own file beside the store.
        await using (var inbox = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = new Corps.Host.Events.SqliteEventInbox(path, TimeProvider.System).Path,
            Mode = SqliteOpenMode.ReadOnly,
        }.ToString()))
        {
            await inbox.OpenAsync(cancellationToken).ConfigureAwait(false);
            inboxRows = await ScalarAsync(inbox, "SELECT count(*) FROM event_inbox WHERE event_id LIKE $p", like, cancellationToken).ConfigureAwait(false);
            inboxApplied = await ScalarAsync(inbox, "SELECT count(*) FROM event_inbox WHERE event_id LIKE $p AND status = 'applied'", like, cancellationToken).ConfigureAwait(false);
        }

        var logRows = await ScalarAsync(connection, "SELECT count(*) FROM change_log WHERE event_id LIKE $p", like, cancellationToken).ConfigureAwait(false);
        var logEvents = await ScalarAsync(connection, "SELECT count(DISTINCT event_id) FROM change_log WHERE event_id LIKE $p", like, cancellationToken).ConfigureAwait(false);

        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var k = 0; k < count; k++)
        {
            var user = users[k % users.Count];
            expected[user["open_id"]!.GetValue<string>()] = NameOf(user["name"]!.GetValue<string>(), tag, k);
        }

        var wrong = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT external_id, name FROM members";
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var seen = 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (expected.TryGetValue(reader.GetString(0), out var name))
                {
                    seen++;
                    if (reader.GetString(1) != name)
                        wrong++;
                }
            }

            wrong += expected.Count - seen;
        }

        return new JsonObject
        {
            ["inboxRows"] = inboxRows,
            ["inboxApplied"] = inboxApplied,
            ["changeLogRows"] = logRows,
            ["changeLogDistinctEvents"] = logEvents,
            ["peopleTouched"] = expected.Count,
            ["peopleNotAtLastUpdate"] = wrong,
            ["ok"] = inboxRows == count && inboxApplied == count && logEvents == count && logRows == count && wrong == 0,
        };
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, string parameter, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static JsonObject Percentiles(double[] sorted) => new()
    {
        ["p50"] = Math.Round(At(sorted, 0.50), 2),
        ["p90"] = Math.Round(At(sorted, 0.90), 2),
        ["p99"] = Math.Round(At(sorted, 0.99), 2),
        ["max"] = Math.Round(sorted.Length == 0 ? 0 : sorted[^1], 2),
    };

    private static double At(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private sealed record Delivery(byte[] Body, string Timestamp, string Nonce, string Signature);

    private sealed record Inbox(long Pending, long Parked, long Applied);
}
