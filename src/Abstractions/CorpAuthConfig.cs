namespace Corps.Abstractions;

/// <summary>
/// An element's auth config (<c>elements/corps/&lt;Name&gt;/&lt;Name&gt;.json</c>) with <c>${env:VAR}</c> references resolved.
/// </summary>
/// <remarks>
/// Secret values are <see cref="Secret"/>s and print as <c>***</c>. Keys other than the well-known ones land in
/// <see cref="Settings"/> (plain) or <see cref="Secrets"/> (names containing <c>secret</c>, <c>key</c>, <c>token</c> or
/// <c>password</c>), so a corp type can read its own options.
/// </remarks>
public sealed record CorpAuthConfig
{
    /// <summary>The upstream application id (Feishu/Lark: <c>cli_…</c>).</summary>
    public required string AppId { get; init; }

    /// <summary>The upstream application secret.</summary>
    public required Secret AppSecret { get; init; }

    /// <summary>Overrides the upstream base URL (an emulator or a private deployment); null for the type's default.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The event subscription's encrypt key, when events are encrypted.</summary>
    public Secret? EncryptKey { get; init; }

    /// <summary>The event subscription's verification token.</summary>
    public Secret? VerificationToken { get; init; }

    /// <summary>Other plain keys of the auth config.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Other secret-looking keys of the auth config.</summary>
    public IReadOnlyDictionary<string, Secret> Secrets { get; init; } = new Dictionary<string, Secret>();

    /// <summary>The config as shown to people: every secret replaced by <see cref="Secret.Mask"/>.</summary>
    public IReadOnlyDictionary<string, string> ToMasked()
    {
        var masked = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["appId"] = AppId,
            ["appSecret"] = Secret.Mask,
        };
        if (BaseUrl is not null)
            masked["baseUrl"] = BaseUrl.ToString();
        if (EncryptKey is not null)
            masked["encryptKey"] = Secret.Mask;
        if (VerificationToken is not null)
            masked["verificationToken"] = Secret.Mask;
        foreach (var (key, value) in Settings)
            masked[key] = value;
        foreach (var key in Secrets.Keys)
            masked[key] = Secret.Mask;
        return masked;
    }
}
