using Corps.Abstractions;

namespace Corps.Host.Cli.Output;

/// <summary>The document of <c>corps members NAME --json</c> and <c>corps admin get|set NAME --json</c>.</summary>
/// <param name="CorpFullName">The corp.</param>
/// <param name="Members">The members (for admin: the administrators), offlined ones included.</param>
public sealed record MembersDocument(string CorpFullName, IReadOnlyList<LocalMember> Members);
