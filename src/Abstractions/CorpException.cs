namespace Corps.Abstractions;

/// <summary>
/// A failure a person can act on: it says what happened, where, and what to do.
/// </summary>
/// <remarks>Messages never contain secrets. The host maps <see cref="Kind"/> to the CLI's exit codes.</remarks>
public class CorpException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What kind of failure this is.</param>
    /// <param name="message">What happened and where.</param>
    /// <param name="fix">What to do about it.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public CorpException(CorpErrorKind kind, string message, string? fix = null, Exception? innerException = null)
        : base(fix is null ? message : $"{message} {fix}", innerException)
    {
        Kind = kind;
        Fix = fix;
    }

    /// <summary>What kind of failure this is.</summary>
    public CorpErrorKind Kind { get; }

    /// <summary>What to do about it, if known.</summary>
    public string? Fix { get; }
}
