using Microsoft.Data.Sqlite;

namespace Corps.Host.Store;

/// <summary>Finds the existing person a new member belongs to.</summary>
/// <remarks>
/// <para>The rule: a new member of a corp links to an existing person when exactly one person matches its normalized
/// email (trimmed, case-insensitive); failing that, when exactly one matches its normalized mobile (digits and a leading
/// plus); otherwise it gets a new person. Only people who are not yet members of the same corp are candidates, so two
/// members of one corp never share a person, and people created in the same run are not candidates either.</para>
/// <para>An ambiguous key (two people share an email) never links: a wrong link would let one person sign in as another.</para>
/// </remarks>
internal sealed class PersonLinker
{
    private const long Ambiguous = -1;
    private readonly Dictionary<string, long> _byEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byMobile = new(StringComparer.Ordinal);
    private readonly HashSet<long> _claimed = [];

    private PersonLinker()
    {
    }

    /// <summary>Loads the candidates for new members of <paramref name="corpId"/>, or only those matching the given keys.</summary>
    public static PersonLinker Load(SqliteConnection connection, SqliteTransaction transaction, long corpId,
        IReadOnlyCollection<(string? Email, string? Mobile)>? onlyKeys = null)
    {
        var linker = new PersonLinker();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var filter = "";
        if (onlyKeys is not null)
        {
            var emails = onlyKeys.Select(k => k.Email).OfType<string>().Distinct().ToList();
            var mobiles = onlyKeys.Select(k => k.Mobile).OfType<string>().Distinct().ToList();
            if (emails.Count + mobiles.Count == 0)
                return linker;
            var names = new List<string>();
            for (var i = 0; i < emails.Count; i++)
                command.Parameters.AddWithValue($"$e{i}", emails[i]);
            for (var i = 0; i < mobiles.Count; i++)
                command.Parameters.AddWithValue($"$m{i}", mobiles[i]);
            filter = $"AND (p.email_norm IN ({string.Join(",", emails.Select((_, i) => $"$e{i}").DefaultIfEmpty("NULL"))})" +
                $" OR p.mobile_norm IN ({string.Join(",", mobiles.Select((_, i) => $"$m{i}").DefaultIfEmpty("NULL"))}))";
        }

        command.CommandText = $"""
            SELECT p.id, p.email_norm, p.mobile_norm FROM people p
            WHERE (p.email_norm IS NOT NULL OR p.mobile_norm IS NOT NULL) {filter}
              AND NOT EXISTS (SELECT 1 FROM members m WHERE m.person_id = p.id AND m.corp_id = $corp)
            """;
        command.Parameters.AddWithValue("$corp", corpId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (!reader.IsDBNull(1))
                Index(linker._byEmail, reader.GetString(1), id);
            if (!reader.IsDBNull(2))
                Index(linker._byMobile, reader.GetString(2), id);
        }

        return linker;
    }

    /// <summary>The person to link to, or null for a new person. Keys are already normalized.</summary>
    /// <remarks>The person found is claimed: a second new member of the same corp never links to it.</remarks>
    public long? Claim(string? email, string? mobile)
    {
        var found = Lookup(_byEmail, email) ?? Lookup(_byMobile, mobile);
        if (found is { } id)
            _claimed.Add(id);
        return found;
    }

    private long? Lookup(Dictionary<string, long> index, string? key) =>
        key is not null && index.TryGetValue(key, out var id) && id != Ambiguous && !_claimed.Contains(id) ? id : null;

    private static void Index(Dictionary<string, long> index, string key, long id)
    {
        if (!index.TryAdd(key, id) && index[key] != id)
            index[key] = Ambiguous;
    }
}
