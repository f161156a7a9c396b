namespace Corps.Abstractions;

/// <summary>
/// The host's sync engine: snapshot → plan → deletion guard → one transaction.
/// </summary>
/// <remarks>
/// Runs of one corp never overlap: a second call waits for the first. A failure anywhere (fetch, plan, apply)
/// leaves the pool exactly as it was and is recorded as a <see cref="SyncOutcome.Failed"/> run; the exception is
/// then rethrown. Cancellation abandons the run without writing anything but its run record.
/// </remarks>
public interface ICorpSync
{
    /// <summary>Fetches <paramref name="corp"/>'s snapshot with <see cref="ICorp.GetThirdCorpDataAsync"/> and applies it.</summary>
    Task<SyncReport> SyncAsync(ICorp corp, SyncOptions options, CancellationToken cancellationToken);

    /// <summary>Applies an already-fetched, complete snapshot.</summary>
    Task<SyncReport> ApplyAsync(ICorp corp, CorpSnapshot snapshot, SyncOptions options, CancellationToken cancellationToken);
}
