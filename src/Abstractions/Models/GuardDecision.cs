namespace Corps.Abstractions;

/// <summary>What the deletion guard said about a plan.</summary>
public sealed record GuardDecision
{
    /// <summary>True when the plan was held.</summary>
    public required bool Held { get; init; }

    /// <summary>Members the plan would offline.</summary>
    public int Offlines { get; init; }

    /// <summary>Departments the plan would delete.</summary>
    public int DepartmentDeletions { get; init; }

    /// <summary>Active members before the plan.</summary>
    public int ActiveMembers { get; init; }

    /// <summary>The limits that applied.</summary>
    public required DeletionGuardOptions Limits { get; init; }

    /// <summary>Why it was held and how to release it; null when not held.</summary>
    public string? Reason { get; init; }

    /// <summary>True when a held plan was applied because the run was forced.</summary>
    public bool Forced { get; init; }
}
