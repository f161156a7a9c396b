using System.Diagnostics;
using System.Text.Json;
using Corps.Abstractions;
using Corps.Host.Events;
using Corps.Host.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corps.Bench;

/// <summary>
/// The store's side of applying events, without HTTP or the sender: takes the events a <c>run-events.sh</c> run stored
/// (a kept store, <c>BENCH_KEEP=1</c>), gives each person a new name and a later time, and applies them through
/// <see cref="CorpDatabase.ApplyEventsAsync"/> in batches, as <c>corps serve</c> does. Prints events/s and CPU per event
/// after a warm-up pass. Writes to the store it is given: pass a fresh copy (of the store and its <c>.inbox.db</c> beside
/// it) each time, since the store remembers the inbox events it applied and a second run on one copy applies nothing.
/// </summary>
internal static class EventApply
{
    public static async Task<int> RunAsync(BenchArguments options, CancellationToken cancellationToken)
    {
        var path = options.Required("store");
        var batchSize = (int)options.Number("batch", 100);
        var rounds = (int)options.Number("rounds", 3);
        // Opened first: a store kept by an older host still has its inbox inside, and opening moves it to its own file.
        await using var database = await CorpDatabase.OpenAsync(path, TimeProvider.System, NullLoggerFactory.Instance, cancellationToken).ConfigureAwait(false);
        var events = await ReadEventsAsync(database.InboxPath, cancellationToken).ConfigureAwait(false);
        var element = new CorpElement
        {
            Name = "Bench",
            Title = "Bench",
            Type = "corps.FSInnerType",
            Directory = Path.GetTempPath(),
            Auth = new CorpAuthConfig { AppId = "cli_bench", AppSecret = new Secret("unused") },
            Data = JsonDocument.Parse("{}").RootElement,
        };

        var results = new List<object>();
        var clock = DateTimeOffset.UtcNow.AddYears(1);
        for (var round = 0; round <= rounds; round++)
        {
            // Round 0 warms the JIT up; every round renames everyone, so each event really writes.
            // An inbox row number each, so the store records every event as applied, as it does for corps serve.
            var renamed = events.Select((e, i) => new StoredEvent(i + 1, e with
            {
                EventId = $"{e.EventId}-r{round}",
                OccurredAt = clock.AddMilliseconds(round * events.Count + i),
                Member = e.Member! with { Name = $"{e.Member!.Name} r{round}" },
            })).ToList();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var applied = 0;
            var transactions = 0;
            while (applied < renamed.Count)
            {
                var batch = renamed.Skip(applied).Take(batchSize).ToList();
                var result = await database.ApplyEventsAsync(element, batch, cancellationToken).ConfigureAwait(false);
                if (result.Failure is not null || result.NeedsFullSync is not null || result.Applied.Count == 0)
                    throw new InvalidOperationException($"batch stopped: {result.Failure?.Message ?? "needs a full sync"}");
                applied += result.Applied.Count;
                transactions++;
            }

            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            Console.Error.WriteLine($"round {round}: {applied} events in {watch.ElapsedMilliseconds} ms, {transactions} transactions, {cpuMs / applied:F3} ms CPU per event");
            if (round > 0)
                results.Add(new { round, events = applied, ms = watch.ElapsedMilliseconds, transactions, eventsPerSecond = Math.Round(applied / watch.Elapsed.TotalSeconds), cpuMsPerEvent = Math.Round(cpuMs / applied, 3) });
        }

        Console.WriteLine(JsonSerializer.Serialize(new { scenario = "event-apply", batch = batchSize, rounds = results }));
        return 0;
    }

    private static async Task<List<CorpEvent>> ReadEventsAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM event_inbox ORDER BY id";
        var events = new List<CorpEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var corpEvent = CorpEventJson.Deserialize(reader.GetString(0));
            if (corpEvent.Kind == CorpEventKind.MemberUpserted && corpEvent.Member is not null)
                events.Add(corpEvent);
        }

        return events;
    }
}
