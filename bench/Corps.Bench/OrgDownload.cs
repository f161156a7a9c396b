using Corps.Emulator.Org;

namespace Corps.Bench;

/// <summary>Reads the emulator's current org through its control API (the same org the clients see).</summary>
internal static class OrgDownload
{
    public static async Task<(EmulatedOrg Org, string File)> LoadAsync(Uri emulator, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var file = Path.Combine(Path.GetTempPath(), $"corps-bench-org-{Environment.ProcessId}.json");
        var bytes = await http.GetByteArrayAsync(new Uri(emulator, "_emulator/org/export"), cancellationToken).ConfigureAwait(false);
        await File.WriteAllBytesAsync(file, bytes, cancellationToken).ConfigureAwait(false);
        return (OrgFile.Load(file), file);
    }
}
