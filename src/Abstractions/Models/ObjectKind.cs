namespace Corps.Abstractions;

/// <summary>The kind of object a planned change touches.</summary>
public enum ObjectKind
{
    /// <summary>A department.</summary>
    Department = 0,

    /// <summary>A member (and its person).</summary>
    Member = 1,

    /// <summary>A member's place in a department.</summary>
    Membership = 2,

    /// <summary>A user group.</summary>
    Group = 3,
}
