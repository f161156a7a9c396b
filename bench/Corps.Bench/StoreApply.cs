using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Corps.Abstractions;
using Corps.Feishu;
using Corps.Host.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corps.Bench;

/// <summary>
/// The store's apply of a real snapshot (fetched once from the emulator by the real Feishu corp type) into a fresh file,
/// against a plain bulk insert of exactly the same rows — every row the apply wrote, table by table, with prepared
/// <c>SqliteCommand</c>s in one transaction, into a fresh file with the same schema and pragmas, in the same folder.
/// </summary>
/// <remarks>Moved here from the host's test project (it was an opt-in <c>SyncBenchmark</c> there), now on an emulator
/// org instead of a synthetic one.</remarks>
internal static class StoreApply
{
    private static readonly string[] Skipped = ["schema_version", "sync_locks"];

    public static async Task<int> RunAsync(BenchArguments options, CancellationToken cancellationToken)
    {
        var emulator = options.Url("emulator");
        var runs = (int)options.Number("runs", 3);
        var root = Path.Combine(options.Optional("dir") ?? Path.GetTempPath(), $"corps-bench-store-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        try
        {
            var fetchWatch = Stopwatch.StartNew();
            CorpSnapshot snapshot;
            await using (var scratch = await OpenAsync(Path.Combine(root, "fetch.db"), cancellationToken).ConfigureAwait(false))
                snapshot = await Corp(scratch, emulator).GetThirdCorpDataAsync(cancellationToken).ConfigureAwait(false);
            Console.Error.WriteLine($"snapshot: {snapshot.Members.Count} members, {snapshot.Departments.Count} departments in {fetchWatch.ElapsedMilliseconds} ms");
            // Where the host's memory goes in a full sync: the snapshot alone, then what an apply adds at its peak.
            var snapshotHeap = GC.GetTotalMemory(forceFullCollection: true);
            var peakBefore = Environment.WorkingSet;
            long applyPeakHeap = 0;

            var applies = new List<double>();
            var again = new List<double>();
            var plains = new List<double>();
            long rows = 0;
            Dictionary<string, long> tables = [];
            for (var run = 0; run < runs; run++)
            {
                var applyPath = Path.Combine(root, $"apply-{run}.db");
                await using (var database = await OpenAsync(applyPath, cancellationToken).ConfigureAwait(false))
                {
                    var corp = Corp(database, emulator);
                    using var sampler = new HeapSampler();
                    var watch = Stopwatch.StartNew();
                    var report = await database.Sync.ApplyAsync(corp, snapshot, SyncOptions.Default, cancellationToken).ConfigureAwait(false);
                    applies.Add(watch.Elapsed.TotalSeconds);
                    applyPeakHeap = Math.Max(applyPeakHeap, sampler.Peak);
                    watch.Restart();
                    var second = await database.Sync.ApplyAsync(corp, snapshot, SyncOptions.Default, cancellationToken).ConfigureAwait(false);
                    again.Add(watch.Elapsed.TotalSeconds);
                    if (second.Outcome != SyncOutcome.Unchanged)
                        throw new InvalidOperationException($"the same snapshot applied twice wrote {second.RowsWritten} rows");
                    Console.Error.WriteLine($"run {run + 1}: apply {applies[^1]:0.000} s ({report.RowsWritten} rows reported), same again {again[^1]:0.000} s");
                }

                var content = await ReadAllAsync(applyPath, cancellationToken).ConfigureAwait(false);
                tables = content.ToDictionary(t => t.Key, t => (long)t.Value.Rows.Count);
                rows = tables.Values.Sum();
                var plainPath = Path.Combine(root, $"plain-{run}.db");
                await (await OpenAsync(plainPath, cancellationToken).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
                plains.Add(await PlainInsertAsync(plainPath, content, cancellationToken));
                Console.Error.WriteLine($"run {run + 1}: plain bulk insert of the same {rows} rows {plains[^1]:0.000} s");
                SqliteConnection.ClearAllPools();
                File.Delete(applyPath);
                File.Delete(plainPath);
            }

            var apply = Median(applies);
            var plain = Median(plains);
            var result = new JsonObject
            {
                ["members"] = snapshot.Members.Count,
                ["departments"] = snapshot.Departments.Count,
                ["rows"] = rows,
                ["rowsPerTable"] = new JsonObject(tables.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
                ["runs"] = runs,
                ["applySeconds"] = Summary(applies),
                ["applyAgainSeconds"] = Summary(again),
                ["plainInsertSeconds"] = Summary(plains),
                ["membersPerSecondApply"] = Math.Round(snapshot.Members.Count / apply),
                ["rowsPerSecondApply"] = Math.Round(rows / apply),
                ["rowsPerSecondPlain"] = Math.Round(rows / plain),
                ["applyVsPlain"] = Math.Round(plain / apply, 3),
                ["snapshotHeapMb"] = Math.Round(snapshotHeap / 1048576.0, 1),
                ["processWorkingSetBeforeApplyMb"] = Math.Round(peakBefore / 1048576.0, 1),
                ["processPeakWorkingSetMb"] = Math.Round(System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
                ["applyPeakHeapMb"] = Math.Round(applyPeakHeap / 1048576.0, 1),
            };
            Console.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static Task<CorpDatabase> OpenAsync(string path, CancellationToken cancellationToken) =>
        CorpDatabase.OpenAsync(path, TimeProvider.System, NullLoggerFactory.Instance, cancellationToken);

    private static FeishuCorp Corp(CorpDatabase database, Uri emulator)
    {
        var element = new CorpElement
        {
            Name = "Bench",
            Title = "Bench",
            Type = "corps.FSInnerType",
            Directory = Path.GetTempPath(),
            Auth = new CorpAuthConfig
            {
                AppId = Corps.Emulator.Options.EmulatorOptions.DefaultApp.AppId,
                AppSecret = new Secret(Corps.Emulator.Options.EmulatorOptions.DefaultApp.AppSecret),
                BaseUrl = emulator,
                Settings = new Dictionary<string, string> { ["rateLimit"] = "off" },
            },
            Data = JsonDocument.Parse("{}").RootElement,
        };
        return new FeishuCorp(new CorpContext { Element = element, Store = database.ForCorp(element), Sync = database.Sync, LoggerFactory = NullLoggerFactory.Instance });
    }

    private static async Task<Dictionary<string, (string[] Columns, List<object?[]> Rows)>> ReadAllAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var names = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid";
            using var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                names.Add(reader.GetString(0));
        }

        var tables = new Dictionary<string, (string[], List<object?[]>)>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => !Skipped.Contains(n)))
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{name}\"";
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var rows = new List<object?[]>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var values = new object?[reader.FieldCount];
                reader.GetValues(values!);
                rows.Add(values);
            }

            tables[name] = (columns, rows);
        }

        return tables;
    }

    /// <summary>The plainest fast bulk insert: one transaction, one prepared command per table, the host's pragmas.</summary>
    private static async Task<double> PlainInsertAsync(string path, Dictionary<string, (string[] Columns, List<object?[]> Rows)> content,
        CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA foreign_keys = ON;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var watch = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction();
        foreach (var (table, (columns, rows)) in content)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
            insert.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                    parameters[i].Value = row[i] ?? DBNull.Value;
                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        return watch.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static JsonObject Summary(List<double> values) => new()
    {
        ["median"] = Math.Round(Median(values), 3),
        ["min"] = Math.Round(values.Min(), 3),
        ["max"] = Math.Round(values.Max(), 3),
    };
}
