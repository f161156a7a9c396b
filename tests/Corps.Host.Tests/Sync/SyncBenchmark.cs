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

        var first = Stopwatch.StartNew();
        var report = await corp.BulkRegisterAsync(snapshot, SyncOptions.Default, CancellationToken.None);
        first.Stop();
        var second = Stopwatch.StartNew();
        var again = await corp.BulkRegisterAsync(snapshot, SyncOptions.Default, CancellationToken.None);
        second.Stop();
        var changed = snapshot with { Members = [.. snapshot.Members.Select((m, i) => i % 10 == 0 ? m with { JobTitle = "Changed" } : m)] };
        var third = Stopwatch.StartNew();
        var tenth = await corp.BulkRegisterAsync(changed, SyncOptions.Default, CancellationToken.None);
        third.Stop();

        await using var plain = await TestStore.CreateAsync();
        var baseline = Stopwatch.StartNew();
        var plainRows = await PlainInsertAsync(plain, snapshot);
        baseline.Stop();

        output.WriteLine($"first apply:   {first.ElapsedMilliseconds} ms, {report.RowsWritten} rows, outcome {report.Outcome}");
        output.WriteLine($"same again:    {second.ElapsedMilliseconds} ms, {again.RowsWritten} rows, outcome {again.Outcome}");
        output.WriteLine($"10% changed:   {third.ElapsedMilliseconds} ms, {tenth.RowsWritten} rows, {tenth.Counts.MembersUpdated} members updated");
        output.WriteLine($"plain insert:  {baseline.ElapsedMilliseconds} ms, {plainRows} rows");
        output.WriteLine($"ratio (plain/apply, rows per second): {(double)baseline.ElapsedMilliseconds / first.ElapsedMilliseconds * report.RowsWritten / plainRows:0.00}");
        Assert.Equal(SyncOutcome.Unchanged, again.Outcome);
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
            var corpId = CorpRows.Ensure(connection, transaction, Fakes.Elements.Create(), DateTimeOffset.UnixEpoch);
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

    /// <summary>The same rows as the first apply, written the plainest way: prepared inserts in one transaction.</summary>
    private static async Task<int> PlainInsertAsync(TestStore store, CorpSnapshot snapshot)
    {
        await using var connection = await store.ConnectAsync();
        using var transaction = connection.BeginTransaction();
        var now = "2026-01-01T00:00:00.0000000+00:00";
        var rows = 0;
        using (var corp = new PreparedCommand(connection, transaction, "INSERT INTO corps (id, full_name, created_at) VALUES (1, $p0, $p1)", 2))
            corp.Execute("corps.Plain", now);
        using var person = new PreparedCommand(connection, transaction, "INSERT INTO people (id, display_name, email_norm, created_at) VALUES ($p0, $p1, $p2, $p3)", 4);
        using var member = new PreparedCommand(connection, transaction, """
            INSERT INTO members (id, corp_id, person_id, external_id, name, email, job_title, status, attributes, created_at, updated_at)
            VALUES ($p0, 1, $p0, $p1, $p2, $p3, $p4, 0, '{}', $p5, $p5)
            """, 6);
        using var identity = new PreparedCommand(connection, transaction, "INSERT INTO identities (member_id, corp_id, kind, value) VALUES ($p0, 1, $p1, $p2)", 3);
        using var department = new PreparedCommand(connection, transaction, """
            INSERT INTO departments (id, corp_id, external_id, parent_id, name, sort_order, created_at, updated_at) VALUES ($p0, 1, $p1, $p2, $p3, $p4, $p5, $p5)
            """, 6);
        using var membership = new PreparedCommand(connection, transaction, "INSERT INTO memberships (member_id, department_id, sort_order, is_primary) VALUES ($p0, $p1, $p2, $p3)", 4);
        using var log = new PreparedCommand(connection, transaction, """
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
}
