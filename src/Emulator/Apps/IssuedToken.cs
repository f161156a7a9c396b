namespace Corps.Emulator.Apps;

/// <summary>An access token the emulator issued.</summary>
internal sealed class IssuedToken(string value, TokenKind kind, string appId, DateTimeOffset expiresAt, string? userOpenId = null)
{
    public string Value { get; } = value;

    public TokenKind Kind { get; } = kind;

    public string AppId { get; } = appId;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>For user tokens: whose.</summary>
    public string? UserOpenId { get; } = userOpenId;

    /// <summary>For user tokens: the granted OAuth scope string.</summary>
    public string Scope { get; init; } = "";

    public volatile bool Revoked;
}
