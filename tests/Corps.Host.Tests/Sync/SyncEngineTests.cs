using Corps.Abstractions;
using Corps.Host.Tests.Fakes;
using static Corps.Host.Tests.Fakes.Snapshots;

namespace Corps.Host.Tests.Sync;

public sealed class SyncEngineTests
{
    [Fact]
    public async Task SyncAsync_FreshFile_WritesTheWholeSnapshot()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Small();

        var report = await corp.SyncCorpAsync(new SyncOptions { Trigger = "cli" }, CancellationToken.None);

        Assert.Equal(SyncOutcome.Applied, report.Outcome);
        Assert.True(report.RunId > 0);
        Assert.Equal(4, report.Counts.MembersCreated);
        Assert.Equal(3, report.Counts.DepartmentsCreated);
        Assert.Equal(3, report.UpstreamDepartments);
        Assert.Equal(4, report.UpstreamMembers);
        Assert.Equal(3, report.ApiCalls);
        Assert.True(report.RowsWritten > report.Counts.Total);
        var data = await corp.GetLocalCorpDataAsync(CancellationToken.None);
        Assert.Equal(["0", "A", "B", "A1"], data.Departments.Select(d => d.ExternalId));
        Assert.Equal("Acme Tenant", data.Departments[0].Name);
        var m2 = data.Members.Single(m => m.ExternalId == "m2");
        Assert.Equal(data.Members.Single(m => m.ExternalId == "m1").Id, m2.LeaderMemberId);
        Assert.Equal(data.Departments.Single(d => d.ExternalId == "A1").Id, Assert.Single(m2.Memberships).DepartmentId);
        Assert.Equal(["open_id", "tenant_key", "union_id", "user_id"], m2.Identities.Keys.Order());
        // One change log row per change: the counted ones and the root's creation.
        Assert.Equal(report.Counts.Total + 1, await store.ScalarAsync($"SELECT COUNT(*) FROM change_log WHERE run_id = {report.RunId}"));
        Assert.Equal(2, Assert.Single(data.Groups).MemberIds.Count);
    }

    [Fact]
    public async Task SyncAsync_SameSnapshotTwice_WritesNothingTheSecondTime()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Small();
        await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        var before = await store.DumpAsync("sync_runs");

        var second = await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        Assert.Equal(SyncOutcome.Unchanged, second.Outcome);
        Assert.Equal(0, second.RowsWritten);
        Assert.Equal(0, second.Counts.Total);
        Assert.Equal(before, await store.DumpAsync("sync_runs"));
        Assert.Equal(2, (await store.Database.GetRunsAsync("corps.Acme", 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task SyncAsync_DynamicGroup_StoredAndTheSameSnapshotWritesNothingAgain()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        var dynamic = new UpstreamGroup { ExternalId = "g2", Name = "Interns", IsDynamic = true, MemberExternalIds = ["m3", "m4"] };
        corp.Snapshot = Small() with { Groups = [.. Small().Groups, dynamic] };
        await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        var second = await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        corp.Snapshot = corp.Snapshot with { Groups = [corp.Snapshot.Groups[0], dynamic with { IsDynamic = false }] };
        var third = await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        Assert.Equal(0, second.RowsWritten);
        Assert.Equal(1, third.Counts.GroupChanges);
        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM groups WHERE external_id = 'g2' AND is_dynamic = 0"));
        var data = await corp.GetLocalCorpDataAsync(CancellationToken.None);
        var g2 = data.Groups.Single(g => g.ExternalId == "g2");
        Assert.False(g2.IsDynamic);
        Assert.Equal(2, g2.MemberIds.Count);
    }

    [Fact]
    public async Task SyncAsync_DepartmentMoved_KeepsItsIdAndMemberships()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Small();
        await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        var before = await corp.GetLocalCorpDataAsync(CancellationToken.None);

        corp.Snapshot = Small() with { Departments = [Dept("A"), Dept("B"), Dept("A1", "B")] };
        var report = await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        Assert.Equal(1, report.Counts.DepartmentsMoved);
        var after = await corp.GetLocalCorpDataAsync(CancellationToken.None);
        var a1 = after.Departments.Single(d => d.ExternalId == "A1");
        Assert.Equal(before.Departments.Single(d => d.ExternalId == "A1").Id, a1.Id);
        Assert.Equal(after.Departments.Single(d => d.ExternalId == "B").Id, a1.ParentId);
        Assert.Equal(a1.Id, after.Members.Single(m => m.ExternalId == "m2").Memberships.Single().DepartmentId);
    }

    [Fact]
    public async Task SyncAsync_ParentChildSwapAndDeepMove_ApplyAndSettle()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Of([Dept("P"), Dept("C", "P"), Dept("a"), Dept("b", "a"), Dept("c", "b"), Dept("d", "c")], [Member("m1", "P"), Member("m2", "d")]);
        await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        var ids = (await corp.GetLocalCorpDataAsync(CancellationToken.None)).Departments.ToDictionary(d => d.ExternalId, d => d.Id);

        corp.Snapshot = Of(
            [Dept("C"), Dept("P", "C"), Dept("a"), Dept("b", "a"), Dept("y", "P"), Dept("x", "y"), Dept("c", "x"), Dept("d", "c")],
            [Member("m1", "P"), Member("m2", "d")]);
        var report = await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        Assert.Equal(SyncOutcome.Applied, report.Outcome);
        Assert.Equal(3, report.Counts.DepartmentsMoved);
        Assert.Equal(2, report.Counts.DepartmentsCreated);
        var after = (await corp.GetLocalCorpDataAsync(CancellationToken.None)).Departments.ToDictionary(d => d.ExternalId);
        Assert.Equal(ids["0"], after["C"].ParentId);
        Assert.Equal(ids["C"], after["P"].ParentId);
        Assert.Equal(after["x"].Id, after["c"].ParentId);
        Assert.Equal(ids["c"], after["d"].ParentId);
        Assert.All(ids, pair => Assert.Equal(pair.Value, after[pair.Key].Id));
        Assert.Equal(SyncOutcome.Unchanged, (await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task SyncAsync_MemberGoneThenBack_IsOfflinedThenRestored()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        var full = Small();
        corp.Snapshot = full;
        await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        corp.Snapshot = full with { Members = [.. full.Members.Where(m => m.ExternalId != "m4")] };
        var offline = await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        var offlined = (await corp.GetLocalCorpDataAsync(CancellationToken.None)).Members.Single(m => m.ExternalId == "m4");

        corp.Snapshot = full;
        var restore = await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        var restored = (await corp.GetLocalCorpDataAsync(CancellationToken.None)).Members.Single(m => m.ExternalId == "m4");

        Assert.Equal(1, offline.Counts.MembersOfflined);
        Assert.Equal(MemberStatus.Resigned, offlined.Status);
        Assert.Single(offlined.Memberships);
        Assert.Equal(1, restore.Counts.MembersRestored);
        Assert.Equal(MemberStatus.Active, restored.Status);
        Assert.Equal(offlined.Id, restored.Id);
    }

    [Fact]
    public async Task SyncAsync_TooManyOfflines_IsHeldUntilForced()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp(guard: new DeletionGuardOptions { MaxOfflines = 2, MaxOfflinePercent = 10, MinOfflinesForPercent = 10 });
        var full = Small();
        corp.Snapshot = full;
        await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        corp.Snapshot = full with { Members = [full.Members[0]] };
        var before = await store.DumpAsync("sync_runs");

        var held = await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        Assert.Equal(SyncOutcome.Held, held.Outcome);
        Assert.True(held.Guard!.Held);
        Assert.Equal(3, held.Guard.Offlines);
        Assert.Contains("offline 3 of 4 active members", held.Guard.Reason);
        Assert.Contains("'corps sync Acme --force'", held.Guard.Reason);
        Assert.Equal(before, await store.DumpAsync("sync_runs"));
        var recorded = (await store.Database.GetRunsAsync("corps.Acme", 1, CancellationToken.None))[0];
        Assert.Equal(SyncOutcome.Held, recorded.Outcome);
        Assert.Equal(held.Guard.Reason, recorded.Guard!.Reason);

        var forced = await corp.SyncCorpAsync(new SyncOptions { Force = true }, CancellationToken.None);

        Assert.Equal(SyncOutcome.Applied, forced.Outcome);
        Assert.True(forced.Guard!.Forced);
        Assert.Equal(3, forced.Counts.MembersOfflined);
        Assert.True((await store.Database.GetRunsAsync("corps.Acme", 1, CancellationToken.None))[0].Guard!.Forced);
    }

    [Fact]
    public async Task SyncAsync_DryRun_WritesNothingAndReturnsThePlan()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Small();
        var before = await store.DumpAsync();

        var report = await corp.SyncCorpAsync(new SyncOptions { DryRun = true }, CancellationToken.None);

        Assert.Equal(SyncOutcome.DryRun, report.Outcome);
        Assert.Equal(0, report.RunId);
        Assert.Equal(report.Counts.Total + 1, report.Plan!.Count); // + the root
        Assert.Equal(before, await store.DumpAsync());
    }

    [Fact]
    public async Task SyncAsync_FetchFails_LeavesThePoolAsItWasAndRecordsAFailedRun()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Small();
        await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        var before = await store.DumpAsync("sync_runs");
        corp.FetchFailure = new UpstreamException("Feishu answered 99991663 (app ticket invalid) for corps.Acme.", code: 99991663, logId: "log-1");

        var error = await Assert.ThrowsAsync<UpstreamException>(() => corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None));

        Assert.Same(corp.FetchFailure, error);
        Assert.Equal(before, await store.DumpAsync("sync_runs"));
        var run = (await store.Database.GetRunsAsync("corps.Acme", 1, CancellationToken.None))[0];
        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        Assert.Equal(error.Message, run.Error);
        Assert.DoesNotContain("s3cr3t", await store.DumpAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_UnexpectedFetchError_RecordsTypeAndMessage()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.FetchFailure = new HttpRequestException("connection refused");

        await Assert.ThrowsAsync<HttpRequestException>(() => corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None));

        var run = (await store.Database.GetRunsAsync("corps.Acme", 1, CancellationToken.None))[0];
        Assert.Equal("System.Net.Http.HttpRequestException: connection refused", run.Error);
        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM members"));
    }

    [Fact]
    public async Task SyncAsync_InvalidSnapshot_IsRejectedAndRecorded()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Of([Dept("A", "B"), Dept("B", "A")], [Member("m1", "A")]);

        var error = await Assert.ThrowsAsync<CorpException>(() => corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None));

        Assert.Equal(CorpErrorKind.Upstream, error.Kind);
        Assert.StartsWith("The snapshot from corps.Acme is invalid", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM departments"));
        Assert.Equal(SyncOutcome.Failed, (await store.Database.GetRunsAsync("corps.Acme", 1, CancellationToken.None))[0].Outcome);
    }

    [Fact]
    public async Task SyncAsync_FailureMidApply_RollsEverythingBack()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Small();
        await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        var before = await store.DumpAsync("sync_runs");
        // Memberships are written after members, departments and identities: failing there proves those roll back too.
        await store.ExecuteAsync("CREATE TRIGGER inject_failure BEFORE INSERT ON memberships BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
        var changed = Small();
        corp.Snapshot = changed with
        {
            RootName = "Renamed",
            Departments = [.. changed.Departments, Dept("C", "B")],
            Members = [.. changed.Members.Select(m => m with { JobTitle = "Changed" }), Member("m5", "C")],
        };

        var error = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None));

        Assert.Contains("injected failure", error.Message);
        Assert.Equal(before, await store.DumpAsync("sync_runs"));
        var run = (await store.Database.GetRunsAsync("corps.Acme", 1, CancellationToken.None))[0];
        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        Assert.Contains("injected failure", run.Error);
    }

    [Fact]
    public async Task SyncAsync_ConcurrentRunsOfOneCorp_AreSerialized()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Small();
        var running = 0;
        var maxRunning = 0;
        corp.DuringFetch = async () =>
        {
            var now = Interlocked.Increment(ref running);
            maxRunning = Math.Max(maxRunning, now);
            await Task.Delay(30);
            Interlocked.Decrement(ref running);
        };

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None))));

        Assert.Equal(1, maxRunning);
        Assert.Single(reports, r => r.Outcome == SyncOutcome.Applied);
        Assert.Equal(3, reports.Count(r => r.Outcome == SyncOutcome.Unchanged));
    }

    [Fact]
    public async Task SyncAsync_AnotherProcessHoldsTheCorp_WaitsThenFails()
    {
        await using var store = await TestStore.CreateAsync();
        await using var other = await TestStore.OpenAsync(store.Path, lockWait: TimeSpan.FromMilliseconds(300));
        var first = store.Corp();
        var second = store.Corp(database: other);
        first.Snapshot = second.Snapshot = Small();
        var gate = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        first.FetchGate = gate;
        first.DuringFetch = () =>
        {
            entered.TrySetResult();
            return Task.CompletedTask;
        };

        var running = first.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        await entered.Task;
        var error = await Assert.ThrowsAsync<CorpException>(() => second.SyncCorpAsync(SyncOptions.Default, CancellationToken.None));
        gate.SetResult();
        await running;

        Assert.Matches(@"^A sync of corps\.Acme is already running \(pid \d+ on .+ since .+\)\.", error.Message);
        Assert.Equal(0, second.Fetches);
        Assert.Equal(SyncOutcome.Unchanged, (await second.SyncCorpAsync(SyncOptions.Default, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task SyncAsync_LockOfADeadProcess_IsTakenOver()
    {
        await using var store = await TestStore.CreateAsync();
        await store.InsertLockAsync("corps.Acme", "gone", 2147483000, Environment.MachineName, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var corp = store.Corp();
        corp.Snapshot = Small();

        var report = await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        Assert.Equal(SyncOutcome.Applied, report.Outcome);
        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM sync_locks"));
    }

    [Fact]
    public async Task SyncAsync_LockWithoutHeartbeat_IsTakenOver()
    {
        await using var store = await TestStore.CreateAsync();
        await store.InsertLockAsync("corps.Acme", "hung", Environment.ProcessId, "elsewhere", new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var corp = store.Corp();
        corp.Snapshot = Small();

        var report = await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        Assert.Equal(SyncOutcome.Applied, report.Outcome);
    }

    [Fact]
    public async Task BulkRegisterAsync_Snapshot_AppliesWithoutFetching()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();

        var report = await corp.BulkRegisterAsync(Small(), new SyncOptions { Trigger = "api", IncludePlan = true }, CancellationToken.None);

        Assert.Equal(SyncOutcome.Applied, report.Outcome);
        Assert.Equal(0, corp.Fetches);
        Assert.Equal(report.Counts.Total + 1, report.Plan!.Count); // + the root
    }

    [Fact]
    public async Task InitCorpAsync_NewCorp_SyncsWithTheInitTrigger()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Small();

        var report = await corp.InitCorpAsync(CancellationToken.None);

        Assert.Equal(("init", SyncOutcome.Applied), (report.Trigger, report.Outcome));
        Assert.Equal("init", (await corp.GetCorpInfoAsync(CancellationToken.None)).LastSync!.Trigger);
    }

    [Fact]
    public async Task SyncAsync_Cancelled_RecordsAFailedRunAndWritesNothingElse()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Small();
        using var cancellation = new CancellationTokenSource();
        corp.DuringFetch = () =>
        {
            cancellation.Cancel();
            return Task.CompletedTask;
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => corp.SyncCorpAsync(SyncOptions.Default, cancellation.Token));

        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM departments"));
        var run = (await store.Database.GetRunsAsync("corps.Acme", 1, CancellationToken.None))[0];
        Assert.Equal((SyncOutcome.Failed, "The run was cancelled."), (run.Outcome, run.Error));
    }
}
