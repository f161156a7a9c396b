using Microsoft.Data.Sqlite;

namespace Corps.Host.Store;

/// <summary>
/// The store's record of the inbox events it applied (<c>applied_events</c>), written in the transaction of their
/// effects. The inbox lives in another file (<see cref="InboxFile"/>) and is marked after that commit; an event whose
/// id is already here is not applied again, so a crash between the two commits costs nothing.
/// </summary>
/// <remarks>
/// A record is only needed until its inbox row is marked applied, which normally follows within milliseconds, or after
/// a crash at the next start, when the processor first reads the corp's pending rows. Records older than
/// <see cref="Retention"/> are pruned, a bounded number per batch so a prune never holds the store for long.
/// </remarks>
internal sealed class AppliedEvents : IDisposable
{
    /// <summary>
    /// How long the store remembers an applied event: 7 days. The inbox keeps its own rows (applied ones included) for
    /// its duplicate check on delivery, so this record only bridges a crash between two commits; a week covers a host
    /// that stays down over a long weekend before it is restarted. Past it, an event would be applied again only if its
    /// inbox row was still pending after a week, and even then its object's event time makes it stale.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    // Per batch at most: steady state prunes about as many as a batch adds; a backlog after a busy week drains over a few batches.
    private const int PruneLimit = 1000;

    private readonly PreparedCommand _record;
    private readonly long _corpId;
    private readonly string _now;

    public AppliedEvents(SqliteConnection connection, SqliteTransaction transaction, long corpId, DateTimeOffset now)
    {
        _corpId = corpId;
        _now = StoreTime.Format(now);
        _record = new PreparedCommand(connection, transaction,
            "INSERT OR IGNORE INTO applied_events (corp_id, event_id, applied_at) VALUES ($p0, $p1, $p2)", 3);
    }

    /// <summary>Records <paramref name="eventId"/> as applied; false when it was already (nothing is written then).</summary>
    public bool TryRecord(string eventId) => _record.Execute(_corpId, eventId, _now) > 0;

    /// <summary>Deletes records older than <see cref="Retention"/> (of every corp), at most a bounded number.</summary>
    public static int Prune(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now)
    {
        using var prune = new PreparedCommand(connection, transaction, $"""
            DELETE FROM applied_events WHERE (corp_id, event_id) IN
                (SELECT corp_id, event_id FROM applied_events WHERE applied_at < $p0 ORDER BY applied_at LIMIT {PruneLimit})
            """, 1);
        return prune.Execute(StoreTime.Format(now - Retention));
    }

    public void Dispose() => _record.Dispose();
}
