namespace Corps.Host.Sync.Plan;

/// <summary>Removes a member's identity of one kind (its value now belongs to another member).</summary>
internal sealed record IdentityRemoval(long MemberId, string Kind);
