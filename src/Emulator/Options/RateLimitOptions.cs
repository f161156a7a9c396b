namespace Corps.Emulator.Options;

/// <summary>Rate limiting per API × app, in two windows (per second and per minute); hitting either throttles.</summary>
public sealed record RateLimitOptions
{
    /// <summary>No throttling.</summary>
    public static RateLimitOptions Off { get; } = new();

    /// <summary>The documented 50/s and 1000/min.</summary>
    public static RateLimitOptions Realistic { get; } = new() { Mode = RateLimitMode.Realistic, PerSecond = 50, PerMinute = 1000 };

    /// <summary>The mode.</summary>
    public RateLimitMode Mode { get; init; } = RateLimitMode.Off;

    /// <summary>Calls allowed per second per API and app (0 = no per-second window).</summary>
    public int PerSecond { get; init; }

    /// <summary>Calls allowed per minute per API and app (0 = no per-minute window).</summary>
    public int PerMinute { get; init; }

    /// <summary>Parses <c>off</c>, <c>realistic</c> or <c>&lt;n&gt;/s,&lt;m&gt;/min</c> (either part optional).</summary>
    /// <exception cref="FormatException">The text is none of those.</exception>
    public static RateLimitOptions Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        if (t == "off") return Off;
        if (t == "realistic") return Realistic;
        int perSecond = 0, perMinute = 0;
        foreach (var part in t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || !int.TryParse(part.AsSpan(0, slash), out var n) || n <= 0)
                throw new FormatException($"Rate limit '{text}': expected off, realistic or <n>/s,<m>/min.");
            switch (part[(slash + 1)..])
            {
                case "s": perSecond = n; break;
                case "min": perMinute = n; break;
                default: throw new FormatException($"Rate limit '{text}': unit must be s or min.");
            }
        }
        if (perSecond == 0 && perMinute == 0) throw new FormatException($"Rate limit '{text}': expected off, realistic or <n>/s,<m>/min.");
        return new RateLimitOptions { Mode = RateLimitMode.Custom, PerSecond = perSecond, PerMinute = perMinute };
    }
}
