using System.Globalization;

namespace Corps.Host.Store;

/// <summary>How the store writes and reads times: ISO-8601 UTC text, which also sorts correctly as text.</summary>
internal static class StoreTime
{
    public static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static DateTimeOffset? ParseOrNull(string? value) => value is null ? null : Parse(value);
}
