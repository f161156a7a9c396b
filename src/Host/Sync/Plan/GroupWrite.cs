namespace Corps.Host.Sync.Plan;

/// <summary>A group row to insert (no <see cref="LocalId"/>) or to overwrite.</summary>
internal sealed record GroupWrite(long? LocalId, string ExternalId, string Name, string? Description, bool IsDynamic);
