namespace Corps.Emulator.Api;

/// <summary>An Open Platform error: HTTP status, business code and message, plus optional violation details.</summary>
internal sealed record ApiError(int Status, int Code, string Msg)
{
    /// <summary>For 99991672: the permissions any of which would have allowed the call.</summary>
    public IReadOnlyList<string>? PermissionViolations { get; init; }

    /// <summary>For 99992402: the offending field.</summary>
    public (string Field, string Value, string Description)? FieldViolation { get; init; }

    /// <summary>Extra headers (rate limiting).</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Headers { get; init; }
}
