namespace Corps.Host.Cli.Output;

/// <summary>The document of <c>corps tree NAME --json</c>.</summary>
/// <param name="CorpFullName">The corp.</param>
/// <param name="Root">The root department (the tenant) and everything under it; deleted departments are left out.</param>
public sealed record TreeDocument(string CorpFullName, DepartmentNode Root);
