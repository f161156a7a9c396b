using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Corps.Host.Store;

/// <summary>
/// A statement prepared once on a connection and executed many times inside the caller's transaction, parameters
/// <c>$p0</c>, <c>$p1</c>, … bound by position.
/// </summary>
/// <remarks>
/// Why not <see cref="SqliteCommand"/>: it looks every parameter up by name and builds a data reader on every execution,
/// which dominates a sync that writes a million rows. This binds straight through SQLitePCL (the library under
/// Microsoft.Data.Sqlite), on the same connection handle and therefore in the same transaction. Errors surface as
/// <see cref="SqliteException"/>s, as they would from a command.
/// </remarks>
internal sealed class PreparedCommand : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _indexes;

    public PreparedCommand(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameterCount)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_database, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _database);
        _indexes = new int[parameterCount];
        for (var i = 0; i < parameterCount; i++)
        {
            _indexes[i] = raw.sqlite3_bind_parameter_index(_statement, "$p" + i);
            if (_indexes[i] == 0)
                throw new ArgumentException($"The statement has no parameter $p{i}.", nameof(sql));
        }
    }

    /// <summary>Executes with the given values (null becomes SQL NULL) and returns the rows changed.</summary>
    /// <remarks>Values are <see cref="long"/>, <see cref="int"/>, <see cref="string"/> or null.</remarks>
    public int Execute(params ReadOnlySpan<object?> values)
    {
        if (values.Length != _indexes.Length)
            throw new ArgumentException($"The statement takes {_indexes.Length} values, not {values.Length}.", nameof(values));
        for (var i = 0; i < values.Length; i++)
        {
            var rc = values[i] switch
            {
                null => raw.sqlite3_bind_null(_statement, _indexes[i]),
                long number => raw.sqlite3_bind_int64(_statement, _indexes[i], number),
                int number => raw.sqlite3_bind_int64(_statement, _indexes[i], number),
                // UTF-16 straight from the string: the UTF-8 overload allocates a converted copy of every value first.
                // An empty span would bind NULL, so "" goes the other way.
                string { Length: 0 } => raw.sqlite3_bind_text(_statement, _indexes[i], string.Empty),
                string text => raw.sqlite3_bind_text16(_statement, _indexes[i], text.AsSpan()),
                var other => throw new ArgumentException($"Cannot bind a {other.GetType().Name}.", nameof(values)),
            };
            SqliteException.ThrowExceptionForRC(rc, _database);
        }

        var step = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (step != raw.SQLITE_DONE && step != raw.SQLITE_ROW)
            SqliteException.ThrowExceptionForRC(step, _database);
        return raw.sqlite3_changes(_database);
    }

    public void Dispose() => _statement.Dispose();
}
