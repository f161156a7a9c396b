namespace Corps.Host.Cli.Output;

/// <summary>The <c>--json</c> document of a failed command.</summary>
/// <param name="Error">What failed.</param>
public sealed record ErrorDocument(ErrorBody Error);
