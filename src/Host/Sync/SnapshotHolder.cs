using Corps.Abstractions;

namespace Corps.Host.Sync;

/// <summary>Holds a run's snapshot until the plan is built, and its counts for the report after.</summary>
/// <remarks>At 100,000 members the snapshot's own objects (members, identity maps, membership lists) are tens of
/// megabytes the apply does not need: the plan keeps only the values it writes. Releasing them lowers a large sync's
/// peak memory. A caller that passed its own snapshot (<see cref="ICorpSync.ApplyAsync"/>) still holds it, which is fine.</remarks>
internal sealed class SnapshotHolder(CorpSnapshot snapshot)
{
    private CorpSnapshot? _snapshot = snapshot;

    /// <summary>The snapshot.</summary>
    /// <exception cref="InvalidOperationException">It was released.</exception>
    public CorpSnapshot Snapshot => _snapshot ?? throw new InvalidOperationException("The snapshot was released after planning.");

    public int Departments { get; } = snapshot.Departments.Count;

    public int Members { get; } = snapshot.Members.Count;

    public int ApiCalls { get; } = snapshot.ApiCalls;

    /// <summary>Lets go of the snapshot.</summary>
    public void Release() => _snapshot = null;
}
