namespace Corps.Abstractions;

/// <summary>One change of a sync plan.</summary>
/// <param name="Kind">The kind of object.</param>
/// <param name="Action">What happens to it.</param>
/// <param name="ExternalId">The object's upstream id (for memberships: <c>member@department</c>).</param>
/// <param name="Name">A display name, if known.</param>
/// <param name="Detail">What changes, for people (e.g. <c>name: A → B</c>); never a secret.</param>
public sealed record PlannedChange(ObjectKind Kind, ChangeAction Action, string ExternalId, string? Name = null, string? Detail = null);
