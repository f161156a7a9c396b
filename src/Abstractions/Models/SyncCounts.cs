namespace Corps.Abstractions;

/// <summary>How many objects a plan creates, changes and takes away, per kind.</summary>
public sealed record SyncCounts
{
    /// <summary>Departments created.</summary>
    public int DepartmentsCreated { get; init; }

    /// <summary>Departments renamed or reordered.</summary>
    public int DepartmentsUpdated { get; init; }

    /// <summary>Departments moved under another parent.</summary>
    public int DepartmentsMoved { get; init; }

    /// <summary>Departments deleted (gone upstream).</summary>
    public int DepartmentsDeleted { get; init; }

    /// <summary>Deleted departments back upstream.</summary>
    public int DepartmentsRestored { get; init; }

    /// <summary>Members created.</summary>
    public int MembersCreated { get; init; }

    /// <summary>Members whose fields changed.</summary>
    public int MembersUpdated { get; init; }

    /// <summary>Members offlined (gone or resigned upstream).</summary>
    public int MembersOfflined { get; init; }

    /// <summary>Offlined members back upstream.</summary>
    public int MembersRestored { get; init; }

    /// <summary>Memberships added.</summary>
    public int MembershipsAdded { get; init; }

    /// <summary>Memberships whose order or primary flag changed.</summary>
    public int MembershipsUpdated { get; init; }

    /// <summary>Memberships removed.</summary>
    public int MembershipsRemoved { get; init; }

    /// <summary>Groups created, changed or deleted, and group member changes.</summary>
    public int GroupChanges { get; init; }

    /// <summary>The total number of planned changes.</summary>
    public int Total =>
        DepartmentsCreated + DepartmentsUpdated + DepartmentsMoved + DepartmentsDeleted + DepartmentsRestored +
        MembersCreated + MembersUpdated + MembersOfflined + MembersRestored +
        MembershipsAdded + MembershipsUpdated + MembershipsRemoved + GroupChanges;
}
