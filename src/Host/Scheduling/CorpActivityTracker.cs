using System.Collections.Concurrent;

namespace Corps.Host.Scheduling;

/// <summary>Keeps <see cref="CorpActivity"/> per corp for the status endpoint and for event coalescing.</summary>
public sealed class CorpActivityTracker
{
    private readonly ConcurrentDictionary<string, CorpActivity> _activities = new(StringComparer.Ordinal);

    /// <summary>The corp's activity (an empty one before anything ran).</summary>
    public CorpActivity Get(string corpFullName) => _activities.GetValueOrDefault(corpFullName) ?? new CorpActivity();

    /// <summary>Applies <paramref name="change"/> to the corp's activity.</summary>
    public void Update(string corpFullName, Func<CorpActivity, CorpActivity> change) =>
        _activities.AddOrUpdate(corpFullName, _ => change(new CorpActivity()), (_, current) => change(current));
}
