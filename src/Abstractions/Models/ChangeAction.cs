namespace Corps.Abstractions;

/// <summary>What a planned change does.</summary>
public enum ChangeAction
{
    /// <summary>A new object.</summary>
    Create = 0,

    /// <summary>Changed fields of an existing object.</summary>
    Update = 1,

    /// <summary>A department under a new parent (its id and memberships are kept).</summary>
    Move = 2,

    /// <summary>A member offlined, a department or group deleted, a membership removed.</summary>
    Offline = 3,

    /// <summary>An offlined member or deleted department back upstream.</summary>
    Restore = 4,
}
