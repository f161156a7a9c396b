namespace Corps.Emulator.Org;

/// <summary>A held read lock on the organisation; dispose to release.</summary>
public readonly struct OrgReadScope : IDisposable
{
    private readonly ReaderWriterLockSlim _gate;

    internal OrgReadScope(ReaderWriterLockSlim gate)
    {
        _gate = gate;
        _gate.EnterReadLock();
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.ExitReadLock();
}
