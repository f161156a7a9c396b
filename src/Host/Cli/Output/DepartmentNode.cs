namespace Corps.Host.Cli.Output;

/// <summary>A department in <c>corps tree --json</c>.</summary>
/// <param name="Id">The local id.</param>
/// <param name="ExternalId">The upstream id (<c>0</c> for the root).</param>
/// <param name="Name">The display name.</param>
/// <param name="Order">Sort order among siblings.</param>
/// <param name="Members">Active members directly in the department.</param>
/// <param name="Children">Sub-departments, by order then name.</param>
public sealed record DepartmentNode(long Id, string ExternalId, string Name, long Order, int Members, IReadOnlyList<DepartmentNode> Children);
