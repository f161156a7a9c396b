namespace Corps.Host.Store;

/// <summary>What applying one upstream event did.</summary>
public enum EventApplyStatus
{
    /// <summary>The event changed the pool.</summary>
    Applied = 0,

    /// <summary>The pool already matched the event; nothing but the object's event time was written.</summary>
    Unchanged = 1,

    /// <summary>A newer event for the same object was applied before; this one changed nothing.</summary>
    Stale = 2,

    /// <summary>The event cannot be applied alone (scope change, refresh, unknown parent): run a full sync.</summary>
    NeedsFullSync = 3,

    /// <summary>The event names nothing this corp holds (e.g. a delete of an unknown member); nothing was written.</summary>
    Ignored = 4,

    /// <summary>The store applied this inbox event before (its inbox row was not marked yet); nothing was written.</summary>
    AlreadyApplied = 5,
}
