using Corps.Abstractions;

namespace CsvCorp;

/// <summary>Reads the people CSV into a complete snapshot (this type's "API client").</summary>
public sealed class PeopleFile
{
    private static readonly string[] _columns = ["id", "name", "email", "mobile", "department", "title", "status"];

    private readonly string _path;
    private readonly string _rootName;

    /// <summary>Creates a reader of <paramref name="path"/>; the root department is named <paramref name="rootName"/>.</summary>
    public PeopleFile(string path, string rootName)
    {
        _path = path;
        _rootName = rootName;
    }

    /// <summary>Reads the whole file; throws rather than return a partial snapshot (missing people would be offlined).</summary>
    public async Task<CorpSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(_path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UpstreamException($"The people file {_path} cannot be read ({ex.GetType().Name}).", "Check that it exists and is readable.", innerException: ex);
        }

        var rows = CsvParser.Parse(text);
        if (rows.Count == 0)
            throw new UpstreamException($"The people file {_path} is empty.", $"Write a header line: {string.Join(",", _columns)}.");
        var header = rows[0].Select(cell => cell.Trim().ToLowerInvariant()).ToList();
        var index = _columns.ToDictionary(column => column, column => header.IndexOf(column));
        if (index["id"] < 0 || index["name"] < 0)
            throw new UpstreamException($"The people file {_path} has no 'id' or 'name' column.", $"Use the header: {string.Join(",", _columns)}.");

        var departments = new Dictionary<string, UpstreamDepartment>(StringComparer.Ordinal);
        var members = new Dictionary<string, UpstreamMember>(StringComparer.Ordinal);
        for (var line = 1; line < rows.Count; line++)
        {
            var row = rows[line];
            string Cell(string column) => index[column] is var i && i >= 0 && i < row.Count ? row[i].Trim() : string.Empty;
            var id = Cell("id");
            if (id.Length == 0)
                continue;
            if (members.ContainsKey(id))
                throw new UpstreamException($"The people file {_path} lists id '{id}' twice (line {line + 1}).", "Give every person one line.");

            var department = AddDepartments(departments, Cell("department"));
            members[id] = new UpstreamMember
            {
                ExternalId = id,
                Name = Cell("name"),
                Email = NullIfEmpty(Cell("email")),
                Mobile = NullIfEmpty(Cell("mobile")),
                JobTitle = NullIfEmpty(Cell("title")),
                Status = Cell("status").Equals("resigned", StringComparison.OrdinalIgnoreCase) ? MemberStatus.Resigned : MemberStatus.Active,
                Memberships = [new UpstreamMembership(department, IsPrimary: true)],
            };
        }

        return new CorpSnapshot
        {
            RootName = _rootName,
            Departments = [.. departments.Values],
            Members = [.. members.Values],
            ApiCalls = 1,
        };
    }

    private static string AddDepartments(Dictionary<string, UpstreamDepartment> departments, string path)
    {
        var parent = CorpSnapshot.RootExternalId;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var depth = 0; depth < segments.Length; depth++)
        {
            var id = string.Join("/", segments[..(depth + 1)]);
            if (!departments.ContainsKey(id))
                departments[id] = new UpstreamDepartment { ExternalId = id, ParentExternalId = parent, Name = segments[depth], Order = departments.Count };
            parent = id;
        }

        return parent;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
