namespace Corps.Abstractions;

/// <summary>A member's place in one upstream department.</summary>
/// <param name="DepartmentExternalId">The department's upstream id; <see cref="CorpSnapshot.RootExternalId"/> for the root.</param>
/// <param name="Order">The member's sort order inside the department (upstream <c>user_order</c>).</param>
/// <param name="IsPrimary">Whether this is the member's primary department.</param>
public sealed record UpstreamMembership(string DepartmentExternalId, long Order = 0, bool IsPrimary = false);
