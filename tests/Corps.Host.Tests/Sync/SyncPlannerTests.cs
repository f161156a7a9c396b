using Corps.Abstractions;
using Corps.Host.Sync.Local;
using Corps.Host.Sync.Plan;
using Corps.Host.Tests.Fakes;
using static Corps.Host.Tests.Fakes.Snapshots;

namespace Corps.Host.Tests.Sync;

public sealed class SyncPlannerTests
{
    private static List<(ObjectKind, ChangeAction, string)> Changes(SyncPlan plan) =>
        [.. plan.Changes.Select(c => (c.Kind, c.Action, c.ExternalId))];

    [Fact]
    public void Plan_EmptyPool_CreatesRootDepartmentsMembersMembershipsAndGroups()
    {
        var plan = SyncPlanner.Plan(LocalState.Empty(), Small());

        Assert.Equal(3, plan.Counts.DepartmentsCreated); // the root is planned but not counted
        Assert.Equal(4, plan.Counts.MembersCreated);
        Assert.Equal(5, plan.Counts.MembershipsAdded);
        Assert.Equal(1, plan.Counts.GroupChanges);
        Assert.Equal("Acme Tenant", plan.DepartmentWrites.Single(d => d.ExternalId == "0").Name);
        Assert.Equal(plan.Changes.Count - 1, plan.Counts.Total);
        Assert.Contains(plan.Changes, c => c is { Kind: ObjectKind.Department, Action: ChangeAction.Create, ExternalId: "0" });
        Assert.Equal(16, plan.IdentityWrites.Count); // 4 kinds per member
        Assert.All(plan.DepartmentWrites.Where(d => d.ExternalId != "0"), d => Assert.NotNull(d.ParentExternalId));
        Assert.Equal(2, plan.DepartmentWrites.Single(d => d.ExternalId == "A1").Depth);
    }

    [Fact]
    public void Plan_SameSnapshotTwice_PlansNothing()
    {
        var snapshot = Small();

        var plan = SyncPlanner.Plan(LocalStates.From(snapshot), snapshot);

        Assert.True(plan.IsEmpty, string.Join(Environment.NewLine, plan.Changes));
        Assert.Equal(0, plan.Counts.Total);
        Assert.Empty(plan.MemberWrites);
        Assert.Empty(plan.IdentityWrites);
    }

    [Fact]
    public void Plan_RenamedAndReorderedDepartment_UpdatesIt()
    {
        var before = Small();
        var after = before with { Departments = [Dept("A", name: "Alpha", order: 7), Dept("B"), Dept("A1", "A")] };

        var plan = SyncPlanner.Plan(LocalStates.From(before), after);

        var change = Assert.Single(plan.Changes);
        Assert.Equal((ObjectKind.Department, ChangeAction.Update, "A"), (change.Kind, change.Action, change.ExternalId));
        Assert.Contains("name: Dept A → Alpha", change.Detail);
        Assert.Contains("order: 0 → 7", change.Detail);
        Assert.Equal(2, Assert.Single(plan.DepartmentWrites).LocalId);
    }

    [Fact]
    public void Plan_DepartmentUnderNewParent_MovesItKeepingItsIdAndMemberships()
    {
        var before = Small();
        var after = before with { Departments = [Dept("A"), Dept("B"), Dept("A1", "B")] };

        var plan = SyncPlanner.Plan(LocalStates.From(before), after);

        Assert.Equal([(ObjectKind.Department, ChangeAction.Move, "A1")], Changes(plan));
        var write = Assert.Single(plan.DepartmentWrites);
        Assert.Equal(4, write.LocalId);
        Assert.Equal("B", write.ParentExternalId);
        Assert.Empty(plan.MembershipRemovals);
        Assert.Empty(plan.MembershipWrites);
    }

    [Fact]
    public void Plan_ParentAndChildSwapped_MovesBoth()
    {
        var before = Of([Dept("P"), Dept("C", "P")], [Member("m1", "P"), Member("m2", "C")]);
        var after = Of([Dept("C"), Dept("P", "C")], [Member("m1", "P"), Member("m2", "C")]);

        var plan = SyncPlanner.Plan(LocalStates.From(before), after);

        Assert.Equal(2, plan.Counts.DepartmentsMoved);
        Assert.Equal(2, plan.Counts.Total);
        Assert.Equal(1, plan.DepartmentWrites.Single(d => d.ExternalId == "C").Depth);
        Assert.Equal(2, plan.DepartmentWrites.Single(d => d.ExternalId == "P").Depth);
    }

    [Fact]
    public void Plan_DeepMoveUnderNewBranch_MovesOnlyTheSubtreeRoot()
    {
        var before = Of([Dept("a"), Dept("b", "a"), Dept("c", "b"), Dept("d", "c"), Dept("x")], [Member("m", "d")]);
        var after = Of([Dept("a"), Dept("b", "a"), Dept("x"), Dept("y", "x"), Dept("c", "y"), Dept("d", "c")], [Member("m", "d")]);

        var plan = SyncPlanner.Plan(LocalStates.From(before), after);

        Assert.Equal(
            [(ObjectKind.Department, ChangeAction.Create, "y"), (ObjectKind.Department, ChangeAction.Move, "c")],
            Changes(plan));
        Assert.True(plan.DepartmentWrites.Single(d => d.ExternalId == "y").Depth < plan.DepartmentWrites.Single(d => d.ExternalId == "c").Depth);
    }

    [Fact]
    public void Plan_DepartmentGoneUpstream_DeletesItWithItsMemberships()
    {
        var before = Small();
        var after = before with
        {
            Departments = [Dept("A"), Dept("A1", "A")],
            Members = [.. before.Members.Select(m => m.ExternalId == "m3" ? m with { Memberships = [new UpstreamMembership("0")] } : m)],
        };

        var plan = SyncPlanner.Plan(LocalStates.From(before), after);

        Assert.Equal(1, plan.Counts.DepartmentsDeleted);
        Assert.Equal(1, plan.Counts.MembershipsRemoved);
        Assert.Equal(1, plan.Counts.MembershipsUpdated); // m3's root membership became primary
        Assert.Equal([3L], plan.DepartmentDeletions);
        Assert.Equal(new MembershipRemoval(102, 3), Assert.Single(plan.MembershipRemovals));
    }

    [Fact]
    public void Plan_DeletedDepartmentBackUpstream_RestoresIt()
    {
        var snapshot = Small();
        var local = LocalStates.From(snapshot);
        local.Add(local.Departments["B"] with { IsDeleted = true });

        var plan = SyncPlanner.Plan(local, snapshot);

        Assert.Equal([(ObjectKind.Department, ChangeAction.Restore, "B")], Changes(plan));
        Assert.Equal(1, plan.Counts.DepartmentsRestored);
    }

    [Fact]
    public void Plan_ChangedMemberFields_UpdatesOnlyThoseFields()
    {
        var before = Small();
        var after = before with { Members = [.. before.Members.Select(m => m.ExternalId == "m1" ? m with { JobTitle = "Lead", Mobile = "+1 555" } : m)] };

        var plan = SyncPlanner.Plan(LocalStates.From(before), after);

        var change = Assert.Single(plan.Changes);
        Assert.Equal((ObjectKind.Member, ChangeAction.Update, "m1"), (change.Kind, change.Action, change.ExternalId));
        Assert.Equal("mobile: (none) → +1 555; jobTitle: Engineer → Lead", change.Detail);
    }

    [Fact]
    public void Plan_NullUpstreamFields_KeepStoredValues()
    {
        var before = Small();
        var after = before with
        {
            Members = [.. before.Members.Select(m => m with
            {
                Name = null, Email = null, JobTitle = null, LeaderExternalId = null, Memberships = null,
                Identities = new Dictionary<string, string>(),
            })],
        };

        var plan = SyncPlanner.Plan(LocalStates.From(before), after);

        Assert.True(plan.IsEmpty, string.Join(Environment.NewLine, plan.Changes));
    }

    [Fact]
    public void Plan_EmptyUpstreamField_ClearsIt()
    {
        var before = Small();
        var after = before with { Members = [.. before.Members.Select(m => m.ExternalId == "m2" ? m with { JobTitle = "", LeaderExternalId = "" } : m)] };

        var plan = SyncPlanner.Plan(LocalStates.From(before), after);

        var write = Assert.Single(plan.MemberWrites);
        Assert.Equal("", write.JobTitle);
        Assert.Null(write.LeaderExternalId);
        Assert.Contains("leader: m1 → (none)", plan.Changes.Single().Detail);
    }

    [Fact]
    public void Plan_MemberMissingOrResignedUpstream_OfflinesIt()
    {
        var before = Small();
        var after = before with
        {
            Members = [.. before.Members.Where(m => m.ExternalId != "m4").Select(m => m.ExternalId == "m3" ? m with { Status = MemberStatus.Resigned } : m)],
        };

        var plan = SyncPlanner.Plan(LocalStates.From(before), after);

        Assert.Equal(2, plan.Counts.MembersOfflined);
        Assert.All(plan.MemberWrites, w => Assert.Equal(MemberStatus.Resigned, w.Status));
        Assert.Contains(plan.Changes, c => c is { ExternalId: "m4", Action: ChangeAction.Offline, Detail: "missing from the snapshot" });
    }

    [Fact]
    public void Plan_OfflinedMemberBackUpstream_RestoresIt()
    {
        var snapshot = Small();
        var local = LocalStates.From(snapshot);
        local.Add(local.Members["m4"] with { Status = MemberStatus.Resigned });

        var plan = SyncPlanner.Plan(local, snapshot);

        Assert.Equal([(ObjectKind.Member, ChangeAction.Restore, "m4")], Changes(plan));
        Assert.Equal(MemberStatus.Active, Assert.Single(plan.MemberWrites).Status);
    }

    [Fact]
    public void Plan_AlreadyOfflinedMemberStillMissing_PlansNothing()
    {
        var snapshot = Small();
        var local = LocalStates.From(snapshot);
        local.Add(local.Members["m4"] with { Status = MemberStatus.Resigned });

        var plan = SyncPlanner.Plan(local, snapshot with { Members = [.. snapshot.Members.Where(m => m.ExternalId != "m4")] });

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Plan_MembershipChanges_AddUpdateAndRemove()
    {
        var before = Small();
        var after = before with
        {
            Members = [.. before.Members.Select(m => m.ExternalId switch
            {
                "m1" => m with { Memberships = [new UpstreamMembership("A", 0, true), new UpstreamMembership("B", 5)] },
                "m3" => m with { Memberships = [new UpstreamMembership("B", 9, true)] },
                _ => m,
            })],
        };

        var plan = SyncPlanner.Plan(LocalStates.From(before), after);

        Assert.Equal(1, plan.Counts.MembershipsAdded);
        Assert.Equal(1, plan.Counts.MembershipsUpdated);
        Assert.Equal(1, plan.Counts.MembershipsRemoved);
        Assert.Contains(plan.Changes, c => c is { Kind: ObjectKind.Membership, Action: ChangeAction.Create, ExternalId: "m1@B" });
        Assert.Contains(plan.Changes, c => c is { Kind: ObjectKind.Membership, Action: ChangeAction.Offline, ExternalId: "m3@0" });
    }

    [Fact]
    public void Plan_MembershipInUnknownDepartment_IsDroppedWithAWarning()
    {
        var snapshot = Of([Dept("A")], [Member("m1", "A", "ghost")]);

        var plan = SyncPlanner.Plan(LocalState.Empty(), snapshot);

        Assert.Single(plan.MembershipWrites);
        Assert.Contains(plan.Warnings, w => w.Contains("ghost", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_LeaderChanges_AreResolvedByExternalId()
    {
        var before = Small();
        var after = before with
        {
            Departments = [Dept("A", leader: "m1"), Dept("B"), Dept("A1", "A")],
            Members = [.. before.Members.Select(m => m.ExternalId == "m2" ? m with { LeaderExternalId = "m3" } : m)],
        };

        var plan = SyncPlanner.Plan(LocalStates.From(before), after);

        Assert.Equal("m1", plan.DepartmentWrites.Single().LeaderExternalId);
        Assert.Equal("m3", plan.MemberWrites.Single().LeaderExternalId);
        Assert.Contains("leader: m1 → m3", plan.Changes.Single(c => c.Kind == ObjectKind.Member).Detail);
    }

    [Fact]
    public void Plan_IdentityMovedBetweenMembers_FreesItFirst()
    {
        var before = Of([], [Member("m1", "0"), Member("m2", "0")]);
        var after = Of([], [
            Member("m1", "0") with { Identities = new Dictionary<string, string> { ["user_id"] = "u_new" } },
            Member("m2", "0") with { Identities = new Dictionary<string, string> { ["user_id"] = "u_m1" } },
        ]);

        var plan = SyncPlanner.Plan(LocalStates.From(before), after);

        Assert.Equal(new IdentityRemoval(100, "user_id"), Assert.Single(plan.IdentityRemovals));
        Assert.Equal(2, plan.IdentityWrites.Count);
        Assert.Equal(2, plan.Counts.MembersUpdated);
    }

    [Fact]
    public void Plan_GroupChanges_AreOneChangePerGroup()
    {
        var before = Small();
        var after = before with
        {
            Groups = [
                new UpstreamGroup { ExternalId = "g1", Name = "Group One", MemberExternalIds = ["m1", "m3"] },
                new UpstreamGroup { ExternalId = "g2", Name = "Group 2", MemberExternalIds = ["m4"] },
            ],
        };

        var plan = SyncPlanner.Plan(LocalStates.From(before), after);

        Assert.Equal(2, plan.Counts.GroupChanges);
        Assert.Equal("name: Group 1 → Group One; +1 members; -1 members", plan.Changes.Single(c => c.ExternalId == "g1").Detail);
        Assert.Equal(3, plan.GroupMemberChanges.Count);
        var gone = SyncPlanner.Plan(LocalStates.From(before), before with { Groups = [] });
        Assert.Equal([1L], gone.GroupDeletions);
    }

    [Fact]
    public void Plan_GroupBecomesDynamic_OneUpdateNamingTheFlag()
    {
        var before = Small();
        var after = before with { Groups = [before.Groups[0] with { IsDynamic = true }] };

        var plan = SyncPlanner.Plan(LocalStates.From(before), after);

        var change = Assert.Single(plan.Changes);
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal("dynamic: False → True", change.Detail);
        Assert.True(Assert.Single(plan.GroupWrites).IsDynamic);
        Assert.Empty(plan.GroupMemberChanges);
        Assert.Empty(SyncPlanner.Plan(LocalStates.From(after), after).Changes);
    }

    [Fact]
    public void Plan_RootNameChanged_UpdatesTheRoot()
    {
        var before = Small();

        var plan = SyncPlanner.Plan(LocalStates.From(before), before with { RootName = "Acme Global" });

        Assert.Equal([(ObjectKind.Department, ChangeAction.Update, "0")], Changes(plan));
        Assert.Equal(0, plan.Counts.Total);
        Assert.False(plan.IsEmpty);
    }
}
