using Microsoft.Data.Sqlite;

namespace Corps.Host.Store.Migrations;

/// <summary>What a migration's code step gets: the store's connection in the step's write transaction, and the file.</summary>
/// <param name="Connection">The store connection.</param>
/// <param name="Transaction">The step's transaction (<c>BEGIN IMMEDIATE</c>: no other writer of the store meanwhile).</param>
/// <param name="StorePath">The store file's full path.</param>
/// <param name="Time">The clock.</param>
/// <param name="CancellationToken">Cancels the step (the transaction then rolls back).</param>
internal sealed record MigrationStep(SqliteConnection Connection, SqliteTransaction Transaction, string StorePath, TimeProvider Time,
    CancellationToken CancellationToken);
