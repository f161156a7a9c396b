namespace Corps.Host.Sync.Plan;

/// <summary>Adds or updates a member's place in a department.</summary>
internal sealed record MembershipWrite(string MemberExternalId, string DepartmentExternalId, long Order, bool IsPrimary);
