using Corps.Abstractions;

namespace Corps.Feishu.Events;

/// <summary>What the event decoder checks deliveries against.</summary>
public sealed record EventDecoderOptions
{
    /// <summary>The subscription's encrypt key: when set, bodies are decrypted and signatures verified.</summary>
    public Secret? EncryptKey { get; init; }

    /// <summary>The subscription's verification token: when set, every delivery must carry it.</summary>
    public Secret? VerificationToken { get; init; }

    /// <summary>How far a signed delivery's timestamp may be from now before it is refused as a replay. Default 5 min.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
