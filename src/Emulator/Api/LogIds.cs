using System.Globalization;

namespace Corps.Emulator.Api;

/// <summary>Log ids shaped like Feishu's (<c>yyyyMMddHHmmss</c> + 18 hex digits).</summary>
internal static class LogIds
{
    private static long s_counter;

    public static string Next(TimeProvider time)
    {
        var n = (ulong)Interlocked.Increment(ref s_counter);
        var mixed = n * 0x9E3779B97F4A7C15UL;
        return time.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
            + mixed.ToString("X16", CultureInfo.InvariantCulture) + (n & 0xFF).ToString("X2", CultureInfo.InvariantCulture);
    }
}
