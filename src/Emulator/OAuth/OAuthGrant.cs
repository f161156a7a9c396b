namespace Corps.Emulator.OAuth;

/// <summary>An authorization code or refresh token: whose, for which app, until when.</summary>
internal sealed record OAuthGrant(string AppId, string UserOpenId, string Scope, string? RedirectUri, DateTimeOffset ExpiresAt);
