namespace Corps.Host.Cli;

/// <summary>The <c>corps</c> process exit codes (documented in docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>A bug or an unexpected condition.</summary>
    public const int Unexpected = 1;

    /// <summary>Bad configuration (elements, plugins, store) or bad arguments.</summary>
    public const int Configuration = 2;

    /// <summary>The upstream directory failed or refused.</summary>
    public const int Upstream = 3;

    /// <summary>A sync was held by the deletion guard; <c>--force</c> applies it.</summary>
    public const int Held = 4;

    /// <summary>The exit code for a failure kind.</summary>
    public static int For(Corps.Abstractions.CorpErrorKind kind) => kind switch
    {
        Corps.Abstractions.CorpErrorKind.Configuration => Configuration,
        Corps.Abstractions.CorpErrorKind.Upstream => Upstream,
        _ => Unexpected,
    };

    /// <summary>Combines the codes of several corps into one: 1 before 2 before 3 before 4 before 0.</summary>
    public static int Combine(IEnumerable<int> codes) =>
        codes.Where(code => code != Ok).DefaultIfEmpty(Ok).Min();
}
