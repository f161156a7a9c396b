using Corps.Abstractions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Corps.Host.Store.Migrations;

/// <summary>Brings a store file up to the newest schema this host knows, one transaction per step.</summary>
internal static class MigrationRunner
{
    /// <summary>Every step, in order.</summary>
    public static IReadOnlyList<Migration> All { get; } = [Schema001.Migration, Schema002.Migration, Schema003.Migration];

    /// <summary>The schema version this host writes.</summary>
    public static int LatestVersion => All[^1].Version;

    /// <summary>Applies the missing steps; refuses a file written by a newer host.</summary>
    public static async Task<(int From, int To)> MigrateAsync(SqliteConnection connection, string path, TimeProvider time, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                applied_at  TEXT NOT NULL
            )
            """, cancellationToken: cancellationToken)).ConfigureAwait(false);

        var current = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        if (current > LatestVersion)
        {
            throw new CorpException(CorpErrorKind.Configuration,
                $"The store '{path}' has schema version {current}, newer than the {LatestVersion} this corps host knows.",
                "Use the corps version that wrote it, or point --store at another file.");
        }

        var from = current;
        foreach (var migration in All.Where(m => m.Version > current))
        {
            // BEGIN IMMEDIATE: two processes opening a fresh file race here; the loser waits, then sees the new version.
            using var transaction = connection.BeginTransaction(deferred: false);
            var seen = await CurrentVersionAsync(connection, cancellationToken, transaction).ConfigureAwait(false);
            if (seen >= migration.Version)
            {
                transaction.Rollback();
                current = seen;
                continue;
            }

            if (migration.Before is { } before)
                await before(new MigrationStep(connection, transaction, path, time, cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (@Version, @Description, @At)",
                new { migration.Version, migration.Description, At = StoreTime.Format(time.GetUtcNow()) },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            transaction.Commit();
            current = migration.Version;
        }

        return (from, current);
    }

    private static Task<int> CurrentVersionAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? transaction = null) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction: transaction, cancellationToken: cancellationToken));
}
