namespace Corps.Host.Cli.Output;

/// <summary>What failed, in an <see cref="ErrorDocument"/>.</summary>
/// <param name="Kind"><c>configuration</c>, <c>upstream</c>, <c>unexpected</c> or <c>cancelled</c>.</param>
/// <param name="Message">The same line as on stderr.</param>
/// <param name="ExitCode">The process exit code.</param>
public sealed record ErrorBody(string Kind, string Message, int ExitCode);
