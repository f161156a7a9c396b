using System.Globalization;
using System.Text.Json;

namespace Corps.Feishu.Events;

/// <summary>Reads the event times the platform sends in several units.</summary>
internal static class EventTime
{
    /// <summary>Reads <c>header.create_time</c>: documented in milliseconds, but seconds and microseconds occur (the Go
    /// SDK's own sample uses microseconds), so the unit is inferred from the magnitude.</summary>
    public static DateTimeOffset? FromCreateTime(JsonElement value)
    {
        long raw;
        if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            raw = parsed;
        else if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
            raw = number;
        else
            return null;
        return FromEpoch(raw);
    }

    /// <summary>Reads schema 1.0's <c>ts</c>: seconds with a fraction, e.g. <c>"1502199207.7171419"</c>.</summary>
    public static DateTimeOffset? FromTs(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds > 1e11m)
            return null;
        return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }

    /// <summary>Reads the signature timestamp header: seconds (UNCONFIRMED on the wire; milliseconds are accepted too).</summary>
    public static DateTimeOffset? FromHeader(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var raw) ? FromEpoch(raw) : null;

    private static DateTimeOffset? FromEpoch(long raw)
    {
        var ticks = raw switch
        {
            < 0 => -1,
            < 100_000_000_000 => raw * TimeSpan.TicksPerSecond,
            < 100_000_000_000_000 => raw * TimeSpan.TicksPerMillisecond,
            < 100_000_000_000_000_000 => raw * TimeSpan.TicksPerMicrosecond,
            _ => raw / 100,
        };
        return ticks < 0 || ticks > DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks
            ? null
            : DateTimeOffset.UnixEpoch.AddTicks(ticks);
    }
}
