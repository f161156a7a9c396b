namespace Corps.Emulator.Options;

/// <summary>Everything an emulator instance is started with.</summary>
public sealed record EmulatorOptions
{
    /// <summary>Listen address; port 0 picks a free port.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Listen port (0 = any free port).</summary>
    public int Port { get; init; }

    /// <summary>Generate the organisation (used when <see cref="OrgFile"/> is null).</summary>
    public OrgGenerationOptions Generate { get; init; } = new();

    /// <summary>Load the organisation from this JSON file (format in docs/emulator.md).</summary>
    public string? OrgFile { get; init; }

    /// <summary>Installed self-built apps; empty means one default app with full scope (see <see cref="DefaultApp"/>).</summary>
    public IReadOnlyList<AppOptions> Apps { get; init; } = [];

    /// <summary>Lifetime of tenant/app access tokens (Feishu: 2 hours).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Lifetime of user access tokens (Feishu: about 2 hours).</summary>
    public TimeSpan UserTokenLifetime { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Rate limiting.</summary>
    public RateLimitOptions RateLimit { get; init; } = RateLimitOptions.Off;

    /// <summary>Injected faults.</summary>
    public FaultOptions Faults { get; init; } = FaultOptions.None;

    /// <summary>Event subscriptions to push contact events to.</summary>
    public IReadOnlyList<EventTargetOptions> EventTargets { get; init; } = [];

    /// <summary>Multiplies the event retry schedule (15 s, 5 min, 1 h, 6 h); 0.001 makes it 15 ms, 300 ms, 3.6 s, 21.6 s.</summary>
    public double TimeFactor { get; init; } = 1.0;

    /// <summary>Clock for tokens, rate-limit windows, codes and event timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Logging; null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The app used when <see cref="Apps"/> is empty: full scope, every contact read permission.</summary>
    public static AppOptions DefaultApp { get; } = new() { AppId = "cli_a1b2c3d4e5f60718", AppSecret = "emulator-secret-0000000000000000" };
}
