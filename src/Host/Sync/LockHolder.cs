namespace Corps.Host.Sync;

/// <summary>Who holds a lock row: enough for an operator to find the process.</summary>
/// <param name="Pid">The holder's process id.</param>
/// <param name="Host">The machine it runs on.</param>
/// <param name="Since">When it took the lock (store time text).</param>
internal sealed record LockHolder(long Pid, string Host, string Since);
