using System.Collections.Concurrent;
using System.Globalization;

namespace Corps.Reliability.Tests.Support;

/// <summary>Counts what a run tried (faults, kills, inputs), appended to a file for RELIABILITY.md when
/// <c>CORPS_RELIABILITY_FIGURES</c> names one, and written to the test output either way.</summary>
internal static class Figures
{
    private static readonly ConcurrentQueue<string> Lines = new();

    public static string Record(string test, string figures)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:O}\t{test}\t{figures}");
        Lines.Enqueue(line);
        if (Environment.GetEnvironmentVariable("CORPS_RELIABILITY_FIGURES") is { Length: > 0 } file)
        {
            lock (Lines)
                File.AppendAllText(file, line + Environment.NewLine);
        }

        return line;
    }
}
