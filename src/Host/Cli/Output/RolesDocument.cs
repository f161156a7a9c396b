using Corps.Abstractions;

namespace Corps.Host.Cli.Output;

/// <summary>The document of <c>corps role set --json</c>.</summary>
/// <param name="CorpFullName">The corp.</param>
/// <param name="MemberId">The member.</param>
/// <param name="Roles">The member's role rows after the change.</param>
public sealed record RolesDocument(string CorpFullName, long MemberId, IReadOnlyList<RoleMember> Roles);
