namespace Corps.Abstractions;

/// <summary>
/// Limits on how much one sync may take away before it is held for an operator (the deletion guard).
/// </summary>
/// <remarks>
/// A plan is held when the members it would offline, or the departments it would delete, exceed
/// <see cref="MaxOfflines"/>, or when they exceed <see cref="MinOfflinesForPercent"/> and are more than
/// <see cref="MaxOfflinePercent"/> of what the corp has now. A held plan writes nothing but its run record;
/// <c>corps sync NAME --force</c> applies it.
/// </remarks>
public sealed record DeletionGuardOptions
{
    /// <summary>The defaults when an element says nothing.</summary>
    public static DeletionGuardOptions Default { get; } = new();

    /// <summary>Hold any plan that offlines more members (or deletes more departments) than this. Default 500.</summary>
    public int MaxOfflines { get; init; } = 500;

    /// <summary>Hold a plan that offlines more than this percentage of the corp's active members. Default 10.</summary>
    public double MaxOfflinePercent { get; init; } = 10;

    /// <summary>The percentage limit applies only above this many offlines, so small corps can lose a few people. Default 10.</summary>
    public int MinOfflinesForPercent { get; init; } = 10;
}
