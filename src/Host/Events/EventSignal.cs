using System.Collections.Concurrent;

namespace Corps.Host.Events;

/// <summary>Wakes a corp's event processor when the endpoint has stored a new event (the processor also polls).</summary>
public sealed class EventSignal
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signals = new(StringComparer.Ordinal);

    /// <summary>Says the corp has new work; signals coalesce until the processor waits again.</summary>
    public void Notify(string corpFullName)
    {
        var signal = Get(corpFullName);
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled and not consumed yet: one wake-up drains everything stored so far.
        }
    }

    /// <summary>Waits until <see cref="Notify"/> is called for the corp or <paramref name="timeout"/> passes.</summary>
    public Task<bool> WaitAsync(string corpFullName, TimeSpan timeout, CancellationToken cancellationToken) =>
        Get(corpFullName).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim Get(string corpFullName) => _signals.GetOrAdd(corpFullName, static _ => new SemaphoreSlim(0, 1));
}
