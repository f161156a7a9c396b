using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Corps.Reliability.Tests.Support;

/// <summary>Every row of every table of a store file, as sorted text lines: the "store exactly as before" check.</summary>
internal sealed class StoreDump
{
    private StoreDump(IReadOnlyDictionary<string, IReadOnlyList<string>> tables) => Tables = tables;

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Tables { get; }

    public static StoreDump Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>Reads the file (recovering a WAL a killed process left, as the next process would); a missing file is empty.</summary>
    public static StoreDump Read(string path)
    {
        if (!File.Exists(path))
            return Empty;
        using var connection = Open(path);
        var tables = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var table in Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        {
            var rows = new List<string>();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var line = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (i > 0)
                        line.Append(" | ");
                    line.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                }

                rows.Add(line.ToString());
            }

            rows.Sort(StringComparer.Ordinal);
            tables[table] = rows;
        }

        return new StoreDump(tables);
    }

    /// <summary>This dump and another file's, as one (the files' table names must not overlap).</summary>
    public StoreDump With(StoreDump other) =>
        new(Tables.Concat(other.Tables).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));

    /// <summary>The same dump without the named tables (e.g. the run history a failed run appends to).</summary>
    public StoreDump Without(params string[] tables) =>
        new(Tables.Where(t => !tables.Contains(t.Key, StringComparer.Ordinal)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));

    public int Rows(string table) => Tables.TryGetValue(table, out var rows) ? rows.Count : 0;

    /// <summary>All content as one text, for greps.</summary>
    public string AllText() => string.Join('\n', Tables.SelectMany(t => t.Value.Select(row => t.Key + ": " + row)));

    /// <summary>Null when equal; else the first differences, for an assertion message.</summary>
    public string? DifferenceFrom(StoreDump other)
    {
        var problems = new List<string>();
        foreach (var table in Tables.Keys.Union(other.Tables.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var mine = Tables.GetValueOrDefault(table) ?? [];
            var theirs = other.Tables.GetValueOrDefault(table) ?? [];
            var onlyMine = mine.Except(theirs, StringComparer.Ordinal).Take(3).ToList();
            var onlyTheirs = theirs.Except(mine, StringComparer.Ordinal).Take(3).ToList();
            if (mine.Count != theirs.Count || onlyMine.Count > 0 || onlyTheirs.Count > 0)
                problems.Add($"{table}: {mine.Count} vs {theirs.Count} rows; only here: [{string.Join("; ", onlyMine)}]; only there: [{string.Join("; ", onlyTheirs)}]");
        }

        return problems.Count == 0 ? null : string.Join('\n', problems);
    }

    /// <summary>SQLite's own verdict on the file: integrity and foreign keys.</summary>
    public static IReadOnlyList<string> IntegrityProblems(string path)
    {
        using var connection = Open(path);
        var problems = Query(connection, "PRAGMA integrity_check").Where(r => r != "ok").ToList();
        problems.AddRange(Query(connection, "PRAGMA foreign_key_check").Select(r => "foreign key: " + r));
        return problems;
    }

    internal static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }

    internal static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        return rows;
    }
}
