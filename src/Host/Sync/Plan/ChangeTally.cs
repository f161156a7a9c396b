using Corps.Abstractions;

namespace Corps.Host.Sync.Plan;

/// <summary>Counts planned changes as they are added.</summary>
internal sealed class ChangeTally
{
    private readonly int[] _counts = new int[13];

    public void Add(PlannedChange change)
    {
        var slot = (change.Kind, change.Action) switch
        {
            (ObjectKind.Department, ChangeAction.Create) => 0,
            (ObjectKind.Department, ChangeAction.Update) => 1,
            (ObjectKind.Department, ChangeAction.Move) => 2,
            (ObjectKind.Department, ChangeAction.Offline) => 3,
            (ObjectKind.Department, ChangeAction.Restore) => 4,
            (ObjectKind.Member, ChangeAction.Create) => 5,
            (ObjectKind.Member, ChangeAction.Update) => 6,
            (ObjectKind.Member, ChangeAction.Offline) => 7,
            (ObjectKind.Member, ChangeAction.Restore) => 8,
            (ObjectKind.Membership, ChangeAction.Create) => 9,
            (ObjectKind.Membership, ChangeAction.Update) => 10,
            (ObjectKind.Membership, ChangeAction.Offline) => 11,
            (ObjectKind.Group, _) => 12,
            _ => throw new InvalidOperationException($"No count for {change.Kind} {change.Action}."),
        };
        _counts[slot]++;
    }

    public SyncCounts ToCounts() => new()
    {
        DepartmentsCreated = _counts[0],
        DepartmentsUpdated = _counts[1],
        DepartmentsMoved = _counts[2],
        DepartmentsDeleted = _counts[3],
        DepartmentsRestored = _counts[4],
        MembersCreated = _counts[5],
        MembersUpdated = _counts[6],
        MembersOfflined = _counts[7],
        MembersRestored = _counts[8],
        MembershipsAdded = _counts[9],
        MembershipsUpdated = _counts[10],
        MembershipsRemoved = _counts[11],
        GroupChanges = _counts[12],
    };
}
