namespace Corps.Host.Events;

/// <summary>What applying one event to the local pool did.</summary>
public enum EventApplyOutcome
{
    /// <summary>The event's state was written.</summary>
    Applied = 0,

    /// <summary>The pool already holds newer state of the object; nothing was written.</summary>
    Stale = 1,

    /// <summary>The event cannot be applied on its own (e.g. it names a department the pool does not know): run a full sync.</summary>
    NeedsFullSync = 2,
}
