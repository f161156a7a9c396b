namespace Corps.Abstractions;

/// <summary>The upstream API answered with an error (or not at all).</summary>
/// <remarks>Carries the upstream's own code, message and log id so that an operator can quote them to support.</remarks>
public sealed class UpstreamException : CorpException
{
    /// <summary>Creates the exception.</summary>
    public UpstreamException(string message, string? fix = null, int? code = null, string? upstreamMessage = null, string? logId = null,
        int? httpStatus = null, Exception? innerException = null)
        : base(CorpErrorKind.Upstream, message, fix, innerException)
    {
        Code = code;
        UpstreamMessage = upstreamMessage;
        LogId = logId;
        HttpStatus = httpStatus;
    }

    /// <summary>The upstream error code (Feishu: <c>code</c>), if any.</summary>
    public int? Code { get; }

    /// <summary>The upstream error message (Feishu: <c>msg</c>), if any.</summary>
    public string? UpstreamMessage { get; }

    /// <summary>The upstream request/log id, if any.</summary>
    public string? LogId { get; }

    /// <summary>The HTTP status, if a response arrived.</summary>
    public int? HttpStatus { get; }
}
