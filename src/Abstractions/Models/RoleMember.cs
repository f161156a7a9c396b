namespace Corps.Abstractions;

/// <summary>One role held by one member.</summary>
/// <param name="RoleId">The role id.</param>
/// <param name="MemberId">The local member id.</param>
/// <param name="AssignedAt">When the role was given.</param>
public sealed record RoleMember(string RoleId, long MemberId, DateTimeOffset AssignedAt);
