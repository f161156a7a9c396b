using System.Globalization;

namespace Corps.Feishu.Client;

/// <summary>Client-side pacing: at most <see cref="PerSecond"/> calls in any second and <see cref="PerMinute"/> in any
/// minute, per API.</summary>
/// <param name="PerSecond">Calls per second per API; 0 for no per-second limit.</param>
/// <param name="PerMinute">Calls per minute per API; 0 for no per-minute limit.</param>
public sealed record RateLimit(int PerSecond, int PerMinute)
{
    /// <summary>The documented limits of the contact APIs: 50/s and 1000/min per API, app and tenant.</summary>
    public static RateLimit Documented { get; } = new(50, 1000);

    /// <summary>No client-side pacing (the server's 429s are still honoured).</summary>
    public static RateLimit Off { get; } = new(0, 0);

    /// <summary>True when no limit applies.</summary>
    public bool IsOff => PerSecond <= 0 && PerMinute <= 0;

    /// <summary>Parses <c>off</c>, <c>documented</c>, or limits such as <c>50/s,1000/min</c>.</summary>
    /// <returns>False when <paramref name="text"/> is not one of those.</returns>
    public static bool TryParse(string? text, out RateLimit rateLimit)
    {
        rateLimit = Documented;
        var value = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value) || value == "documented" || value == "on")
            return true;
        if (value == "off")
        {
            rateLimit = Off;
            return true;
        }

        int perSecond = 0, perMinute = 0;
        foreach (var part in value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('/', StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || !int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
                return false;
            switch (pieces[1])
            {
                case "s" or "sec" or "second":
                    perSecond = count;
                    break;
                case "min" or "m" or "minute":
                    perMinute = count;
                    break;
                default:
                    return false;
            }
        }

        rateLimit = new RateLimit(perSecond, perMinute);
        return !rateLimit.IsOff;
    }

    /// <inheritdoc/>
    public override string ToString() => IsOff ? "off" : $"{PerSecond}/s,{PerMinute}/min";
}
