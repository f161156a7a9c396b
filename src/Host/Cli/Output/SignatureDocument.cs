namespace Corps.Host.Cli.Output;

/// <summary>The document of <c>corps signature get|set --json</c>.</summary>
/// <param name="CorpFullName">The corp.</param>
/// <param name="MemberId">The member.</param>
/// <param name="SignatureUrl">The signature image link, or null.</param>
public sealed record SignatureDocument(string CorpFullName, long MemberId, string? SignatureUrl);
