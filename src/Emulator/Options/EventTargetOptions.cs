namespace Corps.Emulator.Options;

/// <summary>A callback URL the emulator pushes contact events to, as Feishu does for an app's event subscription.</summary>
public sealed record EventTargetOptions
{
    /// <summary>The request URL (the app's "event subscription" address).</summary>
    public required Uri Url { get; init; }

    /// <summary>The app whose events go there; null means the first configured app.</summary>
    public string? AppId { get; init; }

    /// <summary>Encrypt Key; when set, bodies are AES-256-CBC encrypted and signed.</summary>
    public string? EncryptKey { get; init; }

    /// <summary>Verification Token, sent in <c>header.token</c>.</summary>
    public string? VerificationToken { get; init; }

    /// <summary>Share of events delivered twice (at-least-once delivery).</summary>
    public double DuplicateRate { get; init; }

    /// <summary>When true, events are delivered in batches with their order shuffled (seeded).</summary>
    public bool OutOfOrder { get; init; }
}
