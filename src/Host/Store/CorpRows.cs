using Corps.Abstractions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Corps.Host.Store;

/// <summary>The <c>corps</c> table: one row per corp full name, created on its first write.</summary>
internal static class CorpRows
{
    public static long? Find(SqliteConnection connection, SqliteTransaction? transaction, string fullName) =>
        connection.ExecuteScalar<long?>("SELECT id FROM corps WHERE full_name = @fullName", new { fullName }, transaction);

    /// <summary>The corp's id, creating the row or refreshing its title and type when they changed.</summary>
    public static long Ensure(SqliteConnection connection, SqliteTransaction transaction, CorpElement element, DateTimeOffset now)
    {
        connection.Execute("""
            INSERT INTO corps (full_name, title, type, created_at) VALUES (@FullName, @Title, @Type, @Now)
            ON CONFLICT (full_name) DO UPDATE SET title = excluded.title, type = excluded.type
            WHERE corps.title IS NOT excluded.title OR corps.type IS NOT excluded.type
            """, new { element.FullName, element.Title, element.Type, Now = StoreTime.Format(now) }, transaction);
        return Find(connection, transaction, element.FullName)!.Value;
    }
}
