namespace Corps.Abstractions;

/// <summary>The kinds of failure the host tells apart (each has its CLI exit code).</summary>
public enum CorpErrorKind
{
    /// <summary>A bad element, auth config, argument or local state (exit code 2).</summary>
    Configuration = 2,

    /// <summary>The upstream directory failed or refused (exit code 3).</summary>
    Upstream = 3,

    /// <summary>A bug or an unexpected condition (exit code 1).</summary>
    Unexpected = 1,
}
