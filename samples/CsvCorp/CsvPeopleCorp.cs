using Corps.Abstractions;

namespace CsvCorp;

/// <summary>
/// A corp whose upstream directory is a CSV file of people (<c>peopleFile</c> in the element's auth config).
/// </summary>
/// <remarks>
/// Columns: <c>id,name,email,mobile,department,title,status</c>. <c>department</c> is a path such as
/// <c>Engineering/Web</c>; every path segment becomes a department. <c>status</c> is <c>active</c> (default) or
/// <c>resigned</c>. Everything else (storing, planning, the deletion guard, roles, admins) comes from
/// <see cref="CorpBase"/> and the host.
/// </remarks>
[CorpType("samples.CsvPeople", Description = "People from a CSV file")]
public sealed class CsvPeopleCorp : CorpBase
{
    /// <summary>Creates the corp; the host calls this once per element. No I/O here.</summary>
    public CsvPeopleCorp(CorpContext context)
        : base(context)
    {
    }

    /// <inheritdoc/>
    public override async Task<CorpSnapshot> GetThirdCorpDataAsync(CancellationToken cancellationToken)
    {
        var file = (PeopleFile)GetClient();
        var snapshot = await file.ReadAsync(cancellationToken).ConfigureAwait(false);
        return snapshot with { FetchedAt = Context.Time.GetUtcNow() };
    }

    /// <inheritdoc/>
    public override object GetClient()
    {
        if (!AuthConfig.Settings.TryGetValue("peopleFile", out var path) || path.Length == 0)
        {
            throw new CorpException(CorpErrorKind.Configuration,
                $"{CorpData.Directory}/{CorpData.Name}.json: key 'peopleFile' is missing.", "Add \"peopleFile\": \"people.csv\".");
        }

        return new PeopleFile(Path.IsPathRooted(path) ? path : Path.Combine(CorpData.Directory, path), Title);
    }
}
