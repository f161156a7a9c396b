using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Corps.Emulator.OAuth;

/// <summary>Authorization codes (5 minutes, single use) and rotating refresh tokens (30 days, single use).</summary>
internal sealed class OAuthStore(TimeProvider time)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(30);

    private readonly ConcurrentDictionary<string, OAuthGrant> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OAuthGrant> _refresh = new(StringComparer.Ordinal);

    /// <summary>Who the authorize endpoint logs in when the request names nobody (set through the control API).</summary>
    public string? NextLoginUser { get; set; }

    public string IssueCode(string appId, string userOpenId, string scope, string? redirectUri)
    {
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new OAuthGrant(appId, userOpenId, scope, redirectUri, time.GetUtcNow() + CodeLifetime);
        return code;
    }

    /// <summary>Takes a code (single use); null when unknown, used or expired.</summary>
    public OAuthGrant? RedeemCode(string code) =>
        _codes.TryRemove(code, out var grant) && grant.ExpiresAt > time.GetUtcNow() ? grant : null;

    public string IssueRefresh(OAuthGrant grant)
    {
        var token = "ur-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        _refresh[token] = grant with { ExpiresAt = time.GetUtcNow() + RefreshLifetime, RedirectUri = null };
        return token;
    }

    /// <summary>Takes a refresh token (single use: a new one is issued on every refresh); null when unknown, used or expired.</summary>
    public OAuthGrant? RedeemRefresh(string token) =>
        _refresh.TryRemove(token, out var grant) && grant.ExpiresAt > time.GetUtcNow() ? grant : null;
}
