namespace Corps.Abstractions;

/// <summary>An application role, identified by its id (a short key such as <c>editor</c>).</summary>
/// <param name="Id">The role id.</param>
/// <param name="MemberCount">How many members of the corp hold it.</param>
public sealed record LocalRole(string Id, int MemberCount);
