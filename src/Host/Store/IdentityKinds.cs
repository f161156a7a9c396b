namespace Corps.Host.Store;

/// <summary>Identity kinds the store treats specially.</summary>
internal static class IdentityKinds
{
    /// <summary>
    /// Kinds whose value is shared by every member of a corp (Feishu's <c>tenant_key</c> names the tenant, not the
    /// person): they are stored per member but not unique, and never used to tell members apart.
    /// </summary>
    public static readonly IReadOnlySet<string> Shared = new HashSet<string>(StringComparer.Ordinal) { "tenant_key" };

    /// <summary>
    /// The condition of the unique index <c>ux_identities_value</c>, word for word: a query on identity values must
    /// repeat it for SQLite to use that index.
    /// </summary>
    public const string NotSharedSql = "kind <> 'tenant_key'";
}
