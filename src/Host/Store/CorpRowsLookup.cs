using Dapper;
using Microsoft.Data.Sqlite;

namespace Corps.Host.Store;

/// <summary>Single-row lookups by external id.</summary>
internal static class CorpRowsLookup
{
    public static long? DepartmentId(SqliteConnection connection, SqliteTransaction transaction, long corpId, string externalId) =>
        connection.ExecuteScalar<long?>("SELECT id FROM departments WHERE corp_id = @corpId AND external_id = @externalId",
            new { corpId, externalId }, transaction);
}
