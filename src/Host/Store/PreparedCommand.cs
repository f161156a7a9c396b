using Microsoft.Data.Sqlite;

namespace Corps.Host.Store;

/// <summary>A statement prepared once and executed many times in one transaction, with positional parameters.</summary>
/// <remarks>Hot loops set <see cref="SqliteParameter.Value"/> and execute: no per-row allocation of commands or parameter maps.</remarks>
internal sealed class PreparedCommand : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public PreparedCommand(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameterCount)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _parameters = new SqliteParameter[parameterCount];
        for (var i = 0; i < parameterCount; i++)
        {
            _parameters[i] = _command.CreateParameter();
            _parameters[i].ParameterName = "$p" + i;
            _command.Parameters.Add(_parameters[i]);
        }

        _command.Prepare();
    }

    /// <summary>Executes with the given values (null becomes SQL NULL) and returns the rows changed.</summary>
    public int Execute(params ReadOnlySpan<object?> values)
    {
        if (values.Length != _parameters.Length)
            throw new ArgumentException($"The statement takes {_parameters.Length} values, not {values.Length}.", nameof(values));
        for (var i = 0; i < values.Length; i++)
            _parameters[i].Value = values[i] ?? DBNull.Value;
        return _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
