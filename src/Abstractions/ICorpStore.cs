namespace Corps.Abstractions;

/// <summary>
/// The local user pool as one corp sees it. Implemented by the host; corp types call it through <see cref="CorpBase"/>.
/// </summary>
/// <remarks>
/// Every method is scoped to the corp the store was handed for and is thread-safe. Each write is one transaction and
/// appends to the per-object change log. Member ids of another corp are rejected with <see cref="CorpException"/>.
/// </remarks>
public interface ICorpStore
{
    /// <summary>Reads everything the pool holds for the corp (empty lists before the first sync).</summary>
    Task<LocalCorpData> GetLocalCorpDataAsync(CancellationToken cancellationToken);

    /// <summary>The root department, named after the tenant; null before the first sync.</summary>
    Task<LocalDepartment?> GetRootDepartmentAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the member's roles with <paramref name="roleIds"/> and returns the member's role rows.</summary>
    Task<IReadOnlyList<RoleMember>> SetMemberRolesAsync(long memberId, IReadOnlyCollection<string> roleIds, CancellationToken cancellationToken);

    /// <summary>Marks members resigned in this corp only and returns how many changed.</summary>
    /// <remarks>The same person's memberships of other corps, and sign-in through them, are untouched.</remarks>
    Task<int> OfflineMembersAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken);

    /// <summary>The member's signature image link, or null.</summary>
    Task<string?> GetSignatureAsync(long memberId, CancellationToken cancellationToken);

    /// <summary>Sets (or, with null, clears) the member's signature image link.</summary>
    Task SaveSignatureAsync(long memberId, string? signatureUrl, CancellationToken cancellationToken);

    /// <summary>Replaces the corp's administrators with <paramref name="memberIds"/>.</summary>
    Task SetAdminsAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken);

    /// <summary>The corp's administrators.</summary>
    Task<IReadOnlyList<LocalMember>> GetAdminsAsync(CancellationToken cancellationToken);

    /// <summary>The last sync run of the corp (held and failed runs included), or null.</summary>
    Task<SyncReport?> GetLastRunAsync(CancellationToken cancellationToken);
}
