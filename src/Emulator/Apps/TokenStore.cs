using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Corps.Emulator.Apps;

/// <summary>
/// Issues and checks tenant, app and user access tokens. Tokens are random, prefixed like Feishu's
/// (<c>t-</c>, <c>a-</c>, <c>u-</c>), and checked by lookup, never by parsing.
/// </summary>
internal sealed class TokenStore(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string AppId, TokenKind Kind), IssuedToken> _current = new();
    private readonly Lock _issueGate = new();

    public TimeSpan Lifetime { get; } = lifetime;

    /// <summary>
    /// The app's current token of <paramref name="kind"/>, or a new one. Feishu returns the same token while it has at
    /// least 30 minutes left and a new one (the old stays valid) otherwise; with a configurable lifetime the
    /// threshold is a quarter of it — exactly 30 minutes for the real 2 hours — so short test lifetimes keep the rule.
    /// </summary>
    public IssuedToken IssueOrReuse(string appId, TokenKind kind)
    {
        var now = time.GetUtcNow();
        var reuseThreshold = Lifetime / 4;
        lock (_issueGate)
        {
            if (_current.TryGetValue((appId, kind), out var existing) && !existing.Revoked && existing.ExpiresAt - now >= reuseThreshold)
                return existing;
            var token = new IssuedToken(NewValue(kind == TokenKind.Tenant ? "t-" : "a-"), kind, appId, now + Lifetime);
            _tokens[token.Value] = token;
            _current[(appId, kind)] = token;
            return token;
        }
    }

    public IssuedToken IssueUser(string appId, string userOpenId, TimeSpan userLifetime, string scope)
    {
        var token = new IssuedToken(NewValue("u-"), TokenKind.User, appId, time.GetUtcNow() + userLifetime, userOpenId) { Scope = scope };
        _tokens[token.Value] = token;
        return token;
    }

    /// <summary>The live token, or null when unknown, expired or revoked.</summary>
    public IssuedToken? Find(string value)
    {
        if (!_tokens.TryGetValue(value, out var token) || token.Revoked) return null;
        return token.ExpiresAt > time.GetUtcNow() ? token : null;
    }

    /// <summary>True when the token was issued, is not revoked, and has run out.</summary>
    public bool IsExpired(string value) =>
        _tokens.TryGetValue(value, out var token) && !token.Revoked && token.ExpiresAt <= time.GetUtcNow();

    /// <summary>Revokes every token of one app (null = all apps); returns how many.</summary>
    public int Revoke(string? appId)
    {
        var count = 0;
        foreach (var token in _tokens.Values)
        {
            if ((appId is null || token.AppId == appId) && !token.Revoked)
            {
                token.Revoked = true;
                count++;
            }
        }
        return count;
    }

    /// <summary>
    /// The remaining lifetime in whole seconds, as the <c>expire</c> field reports it: rounded up, so a token issued
    /// just now reports the full lifetime (7200) as Feishu's does.
    /// </summary>
    public int SecondsLeft(IssuedToken token) => (int)Math.Max(0, Math.Ceiling((token.ExpiresAt - time.GetUtcNow()).TotalSeconds));

    internal static string NewValue(string prefix)
    {
        Span<byte> bytes = stackalloc byte[20];
        RandomNumberGenerator.Fill(bytes);
        return prefix + "g1" + Convert.ToHexStringLower(bytes);
    }
}
