using Corps.Abstractions;
using Corps.Host.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corps.Host.Demo;

/// <summary>Gives the demo an empty store file, replacing an earlier demo's but never a store that holds real corps.</summary>
internal static class DemoStore
{
    public static async Task PrepareAsync(string path, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            return;

        IReadOnlyList<CorpSummary> corps;
        var database = await CorpDatabase.OpenAsync(path, time, NullLoggerFactory.Instance, cancellationToken).ConfigureAwait(false);
        await using (database.ConfigureAwait(false))
            corps = await database.GetCorpSummariesAsync(cancellationToken).ConfigureAwait(false);

        var others = corps.Where(corp => corp.FullName != "corps." + DemoUpstream.ElementName).Select(corp => corp.FullName).ToList();
        if (others.Count > 0)
        {
            throw new CorpException(CorpErrorKind.Configuration,
                $"The store {path} holds other corps ({string.Join(", ", others)}); the demo starts from an empty store and will not replace it.",
                "Pass another file with --store (or leave --store out to use ./data/demo.db).");
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }
}
