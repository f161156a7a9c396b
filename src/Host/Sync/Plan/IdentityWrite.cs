namespace Corps.Host.Sync.Plan;

/// <summary>Sets a member's identity of one kind.</summary>
internal sealed record IdentityWrite(string MemberExternalId, string Kind, string Value);
