namespace Corps.Abstractions;

/// <summary>The result of one check.</summary>
public enum CheckStatus
{
    /// <summary>Works.</summary>
    Ok = 0,

    /// <summary>Works, but something is missing (e.g. a field permission).</summary>
    Warning = 1,

    /// <summary>Does not work.</summary>
    Failed = 2,
}
