namespace Corps.Host.Sync.Plan;

/// <summary>Removes a member's place in a department.</summary>
internal sealed record MembershipRemoval(long MemberId, long DepartmentId);
