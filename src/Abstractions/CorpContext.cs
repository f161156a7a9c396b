using Microsoft.Extensions.Logging;

namespace Corps.Abstractions;

/// <summary>
/// What the host hands a corp type when it creates one: its element and the host services it may use.
/// </summary>
/// <remarks>The context lives as long as the corp instance. Its services are thread-safe.</remarks>
public sealed record CorpContext
{
    /// <summary>The element this corp was created from.</summary>
    public required CorpElement Element { get; init; }

    /// <summary>The local user pool, seen from this corp.</summary>
    public required ICorpStore Store { get; init; }

    /// <summary>The host's plan/guard/apply engine.</summary>
    public required ICorpSync Sync { get; init; }

    /// <summary>Loggers; categories should start with the plugin's namespace.</summary>
    public required ILoggerFactory LoggerFactory { get; init; }

    /// <summary>The clock; never read <see cref="DateTime.Now"/> directly.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
