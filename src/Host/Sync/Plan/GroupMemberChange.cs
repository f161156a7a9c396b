namespace Corps.Host.Sync.Plan;

/// <summary>Adds (<see cref="Add"/>) or removes a member of a group.</summary>
internal sealed record GroupMemberChange(string GroupExternalId, string MemberExternalId, bool Add);
