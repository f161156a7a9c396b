using System.Diagnostics;
using Corps.Abstractions;
using Corps.Host.Store;
using Corps.Host.Tests.Fakes;
using Xunit.Abstractions;

namespace Corps.Host.Tests.Sync;

/// <summary>
/// Applies 100,000 members in 5,000 departments to a fresh file and compares with a plain prepared-statement bulk insert
/// of the same rows. Run: <c>CORPS_BENCH=1 dotnet test tests/Corps.Host.Tests --filter SyncBenchmark --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class SyncBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public async Task Apply_100kMembers_ComparedWithPlainBulkInsert()
    {
        var snapshot = Snapshots.Generated(5_000, 100_000);
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();

        var (firstMs, firstCpu, report) = await MeasureAsync(() => corp.BulkRegisterAsync(snapshot, SyncOptions.Default, CancellationToken.None));
        var (againMs, againCpu, again) = await MeasureAsync(() => corp.BulkRegisterAsync(snapshot, SyncOptions.Default, CancellationToken.None));
        var changed = snapshot with { Members = [.. snapshot.Members.Select((m, i) => i % 10 == 0 ? m with { JobTitle = "Changed" } : m)] };
        var (tenthMs, tenthCpu, tenth) = await MeasureAsync(() => corp.BulkRegisterAsync(changed, SyncOptions.Default, CancellationToken.None));

        await using var plainCommands = await TestStore.CreateAsync();
        var (commandMs, commandCpu, commandRows) = await MeasureAsync(() => PlainInsertAsync(plainCommands, snapshot, raw: false));
        await using var plainRaw = await TestStore.CreateAsync();
        var (rawMs, rawCpu, rawRows) = await MeasureAsync(() => PlainInsertAsync(plainRaw, snapshot, raw: true));

        output.WriteLine($"first apply:          {firstMs,6} ms wall, {firstCpu,6} ms CPU, {report.RowsWritten} rows, {report.Outcome}");
        output.WriteLine($"same snapshot again:  {againMs,6} ms wall, {againCpu,6} ms CPU, {again.RowsWritten} rows, {again.Outcome}");
        output.WriteLine($"10% members changed:  {tenthMs,6} ms wall, {tenthCpu,6} ms CPU, {tenth.RowsWritten} rows");
        output.WriteLine($"plain SqliteCommand:  {commandMs,6} ms wall, {commandCpu,6} ms CPU, {commandRows} rows");
        output.WriteLine($"plain raw binding:    {rawMs,6} ms wall, {rawCpu,6} ms CPU, {rawRows} rows");
        output.WriteLine($"apply speed / SqliteCommand bulk insert (rows/s, wall): {(double)commandMs / firstMs * report.RowsWritten / commandRows:0.00}");
        output.WriteLine($"apply speed / raw-binding bulk insert   (rows/s, wall): {(double)rawMs / firstMs * report.RowsWritten / rawRows:0.00}");
        Assert.Equal(SyncOutcome.Unchanged, again.Outcome);
    }

    private static async Task<(long WallMs, long CpuMs, T Result)> MeasureAsync<T>(Func<Task<T>> action)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var result = await action();
        return (wall.ElapsedMilliseconds, (long)(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds, result);
    }

    [BenchmarkFact]
    public async Task Phases_100kMembers()
    {
        var snapshot = Snapshots.Generated(5_000, 100_000);
        await using var store = await TestStore.CreateAsync();
        await using var connection = await store.ConnectAsync();
        var watch = Stopwatch.StartNew();
        using (var transaction = connection.BeginTransaction())
        {
            var corpId = CorpRows.Ensure(connection, transaction, TestElements.Create(), DateTimeOffset.UnixEpoch);
            var local = LocalStateLoader.LoadFull(connection, transaction, corpId);
            output.WriteLine($"load empty: {watch.ElapsedMilliseconds} ms");
            watch.Restart();
            var plan = Corps.Host.Sync.Plan.SyncPlanner.Plan(local, snapshot);
            output.WriteLine($"plan: {watch.ElapsedMilliseconds} ms, {plan.Changes.Count} changes");
            watch.Restart();
            var rows = new PlanApplier(connection, transaction, corpId, local, DateTimeOffset.UnixEpoch, null).Apply(plan);
            output.WriteLine($"apply: {watch.ElapsedMilliseconds} ms, {rows} rows");
            watch.Restart();
            new ChangeLogWriter(connection, transaction, corpId, null, null, DateTimeOffset.UnixEpoch).Write(plan.Changes);
            output.WriteLine($"change log: {watch.ElapsedMilliseconds} ms");
            watch.Restart();
            transaction.Commit();
            output.WriteLine($"commit: {watch.ElapsedMilliseconds} ms");
        }

        watch.Restart();
        using (var transaction = connection.BeginTransaction())
        {
            var local = LocalStateLoader.LoadFull(connection, transaction, 1);
            output.WriteLine($"load full: {watch.ElapsedMilliseconds} ms");
            watch.Restart();
            var plan = Corps.Host.Sync.Plan.SyncPlanner.Plan(local, snapshot);
            output.WriteLine($"plan again: {watch.ElapsedMilliseconds} ms, {plan.Changes.Count} changes");
        }
    }

    /// <summary>The same rows as the first apply, written the plainest way: prepared inserts in one transaction, either
    /// standard <c>SqliteCommand</c>s or the raw-binding <see cref="PreparedCommand"/> the applier uses.</summary>
    private static async Task<int> PlainInsertAsync(TestStore store, CorpSnapshot snapshot, bool raw)
    {
        await using var connection = await store.ConnectAsync();
        using var transaction = connection.BeginTransaction();
        Func<string, int, IRowWriter> prepare = raw
            ? (sql, count) => new RawWriter(new PreparedCommand(connection, transaction, sql, count))
            : (sql, count) => new CommandWriter(connection, transaction, sql, count);
        var now = "2026-01-01T00:00:00.0000000+00:00";
        var rows = 0;
        using (var corp = prepare("INSERT INTO corps (id, full_name, created_at) VALUES (1, $p0, $p1)", 2))
            corp.Execute("corps.Plain", now);
        using var person = prepare("INSERT INTO people (id, display_name, email_norm, created_at) VALUES ($p0, $p1, $p2, $p3)", 4);
        using var member = prepare("""
            INSERT INTO members (id, corp_id, person_id, external_id, name, email, job_title, status, attributes, created_at, updated_at)
            VALUES ($p0, 1, $p0, $p1, $p2, $p3, $p4, 0, '{}', $p5, $p5)
            """, 6);
        using var identity = prepare("INSERT INTO identities (member_id, corp_id, kind, value) VALUES ($p0, 1, $p1, $p2)", 3);
        using var department = prepare("""
            INSERT INTO departments (id, corp_id, external_id, parent_id, name, sort_order, created_at, updated_at) VALUES ($p0, 1, $p1, $p2, $p3, $p4, $p5, $p5)
            """, 6);
        using var membership = prepare("INSERT INTO memberships (member_id, department_id, sort_order, is_primary) VALUES ($p0, $p1, $p2, $p3)", 4);
        using var log = prepare("""
            INSERT INTO change_log (corp_id, object_kind, external_id, action, detail, at) VALUES (1, $p0, $p1, 'Create', $p2, $p3)
            """, 4);

        var departmentIds = new Dictionary<string, long> { ["0"] = 1 };
        rows += department.Execute(1L, "0", null, snapshot.RootName, 0L, now);
        foreach (var d in snapshot.Departments)
            departmentIds[d.ExternalId] = departmentIds.Count + 1;
        foreach (var d in snapshot.Departments)
        {
            rows += department.Execute(departmentIds[d.ExternalId], d.ExternalId, departmentIds[d.ParentExternalId ?? "0"], d.Name, d.Order, now);
            rows += log.Execute("Department", d.ExternalId, "{\"name\":\"x\"}", now);
        }

        var id = 0L;
        foreach (var m in snapshot.Members)
        {
            id++;
            rows += person.Execute(id, m.Name, m.Email, now);
            rows += member.Execute(id, m.ExternalId, m.Name, m.Email, m.JobTitle, now);
            rows += log.Execute("Member", m.ExternalId, "{\"name\":\"x\"}", now);
            foreach (var (kind, value) in m.Identities)
                rows += identity.Execute(id, kind, value);
            foreach (var ms in m.Memberships!)
            {
                rows += membership.Execute(id, departmentIds[ms.DepartmentExternalId], ms.Order, ms.IsPrimary ? 1 : 0);
                rows += log.Execute("Membership", m.ExternalId + "@" + ms.DepartmentExternalId, "{\"name\":\"x\"}", now);
            }
        }

        transaction.Commit();
        return rows;
    }

    private interface IRowWriter : IDisposable
    {
        int Execute(params object?[] values);
    }

    private sealed class RawWriter(PreparedCommand command) : IRowWriter
    {
        public int Execute(params object?[] values) => command.Execute(values);

        public void Dispose() => command.Dispose();
    }

    private sealed class CommandWriter : IRowWriter
    {
        private readonly Microsoft.Data.Sqlite.SqliteCommand _command;

        public CommandWriter(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, string sql, int count)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = sql;
            for (var i = 0; i < count; i++)
                _command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$p" + i, null));
            _command.Prepare();
        }

        public int Execute(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
                _command.Parameters[i].Value = values[i] ?? DBNull.Value;
            return _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }
}
