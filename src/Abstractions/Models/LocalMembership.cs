namespace Corps.Abstractions;

/// <summary>A member's place in a local department.</summary>
/// <param name="DepartmentId">The department's local id.</param>
/// <param name="Order">The member's sort order in the department.</param>
/// <param name="IsPrimary">Whether this is the member's primary department.</param>
public sealed record LocalMembership(long DepartmentId, long Order, bool IsPrimary);
