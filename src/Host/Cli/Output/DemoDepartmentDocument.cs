namespace Corps.Host.Cli.Output;

/// <summary>A first-level department in <c>corps demo</c>'s summary.</summary>
/// <param name="ExternalId">The upstream id.</param>
/// <param name="Name">The name.</param>
/// <param name="People">Active members in it or anywhere below it, each counted once.</param>
/// <param name="SubDepartments">Departments anywhere below it.</param>
public sealed record DemoDepartmentDocument(string ExternalId, string Name, int People, int SubDepartments);
