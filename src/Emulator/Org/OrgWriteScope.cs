namespace Corps.Emulator.Org;

/// <summary>A held write lock on the organisation; dispose to release.</summary>
public readonly struct OrgWriteScope : IDisposable
{
    private readonly ReaderWriterLockSlim _gate;

    internal OrgWriteScope(ReaderWriterLockSlim gate)
    {
        _gate = gate;
        _gate.EnterWriteLock();
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.ExitWriteLock();
}
