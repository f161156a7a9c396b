namespace Corps.Host.Store.Migrations;

/// <summary>One step of the store's schema history.</summary>
/// <param name="Version">The schema version the step produces; versions start at 1 and never skip.</param>
/// <param name="Description">What the step does, recorded in <c>schema_version</c>.</param>
/// <param name="Sql">The statements, run in one transaction with the version row.</param>
internal sealed record Migration(int Version, string Description, string Sql)
{
    /// <summary>
    /// Work that SQL alone cannot do (another file), run inside the step's transaction before <see cref="Sql"/>. It must
    /// be idempotent: when the transaction does not commit, the next open runs it again.
    /// </summary>
    public Func<MigrationStep, Task>? Before { get; init; }
}
