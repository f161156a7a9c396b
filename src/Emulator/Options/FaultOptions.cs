using System.Globalization;

namespace Corps.Emulator.Options;

/// <summary>
/// Faults injected into Open API calls (token and contact endpoints; never the control API). Each rate is a
/// probability in [0, 1]; whether call number n gets a fault is a pure function of (seed, n, fault kind), so a run
/// with the same seed and the same call order sees the same faults.
/// </summary>
public sealed record FaultOptions
{
    /// <summary>No faults.</summary>
    public static FaultOptions None { get; } = new();

    /// <summary>Seed of the fault sequence.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Share of calls answered with HTTP 500/502/503.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Share of calls delayed by <see cref="SlowDelay"/> before being answered.</summary>
    public double SlowRate { get; init; }

    /// <summary>How long a slow call waits.</summary>
    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Share of calls whose connection is aborted without a response.</summary>
    public double DropRate { get; init; }

    /// <summary>Share of calls whose JSON body is cut off mid-way.</summary>
    public double MalformedRate { get; init; }

    /// <summary>Share of calls answered 429/99991400 regardless of the rate limiter (a "storm").</summary>
    public double RateLimitStormRate { get; init; }

    /// <summary>Share of calls carrying a page_token that are answered 40012.</summary>
    public double PageTokenRejectRate { get; init; }

    /// <summary>After this many API calls every issued token is revoked once (0 = never).</summary>
    public int RevokeTokensAfter { get; init; }

    /// <summary>True when any fault is configured.</summary>
    public bool Any => ServerErrorRate > 0 || SlowRate > 0 || DropRate > 0 || MalformedRate > 0 || RateLimitStormRate > 0
        || PageTokenRejectRate > 0 || RevokeTokensAfter > 0;

    /// <summary>
    /// Parses <c>seed=7,5xx=10%,slow=5%:200ms,drop=1%,malformed=2%,storm=5%,page-token=3%,revoke-after=500</c>.
    /// </summary>
    /// <exception cref="FormatException">An unknown key or a bad value.</exception>
    public static FaultOptions Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new FaultOptions();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new FormatException($"Fault '{part}': expected key=value.");
            var key = part[..eq].ToLowerInvariant();
            var value = part[(eq + 1)..];
            result = key switch
            {
                "seed" => result with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "5xx" => result with { ServerErrorRate = Rate(value) },
                "slow" => ParseSlow(result, value),
                "drop" => result with { DropRate = Rate(value) },
                "malformed" => result with { MalformedRate = Rate(value) },
                "storm" => result with { RateLimitStormRate = Rate(value) },
                "page-token" => result with { PageTokenRejectRate = Rate(value) },
                "revoke-after" => result with { RevokeTokensAfter = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new FormatException($"Fault '{key}' is unknown; use seed, 5xx, slow, drop, malformed, storm, page-token, revoke-after."),
            };
        }
        return result;
    }

    private static FaultOptions ParseSlow(FaultOptions current, string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return current with { SlowRate = Rate(value) };
        var delay = value[(colon + 1)..].Trim();
        var ms = delay.EndsWith("ms", StringComparison.OrdinalIgnoreCase)
            ? double.Parse(delay[..^2], CultureInfo.InvariantCulture)
            : delay.EndsWith('s') ? double.Parse(delay[..^1], CultureInfo.InvariantCulture) * 1000
            : double.Parse(delay, CultureInfo.InvariantCulture);
        return current with { SlowRate = Rate(value[..colon]), SlowDelay = TimeSpan.FromMilliseconds(ms) };
    }

    private static double Rate(string value)
    {
        var v = value.Trim();
        var rate = v.EndsWith('%') ? double.Parse(v[..^1], CultureInfo.InvariantCulture) / 100 : double.Parse(v, CultureInfo.InvariantCulture);
        if (rate is < 0 or > 1) throw new FormatException($"Fault rate '{value}' must be between 0% and 100%.");
        return rate;
    }
}
