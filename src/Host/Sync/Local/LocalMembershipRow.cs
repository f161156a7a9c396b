namespace Corps.Host.Sync.Local;

/// <summary>A member's place in a local department.</summary>
internal sealed record LocalMembershipRow(long DepartmentId, long Order, bool IsPrimary);
