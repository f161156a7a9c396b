namespace Corps.Abstractions;

/// <summary>
/// One organisation ("corp") kept in step with the local user pool. Every corp type implements this contract,
/// usually by deriving from <see cref="CorpBase"/>.
/// </summary>
/// <remarks>
/// <para>The host creates one instance per element, through the public constructor taking a <see cref="CorpContext"/>,
/// and may call members concurrently; implementations are thread-safe. Every async member honours its
/// cancellation token.</para>
/// <para>Failures a person can act on are <see cref="CorpException"/>s (<see cref="UpstreamException"/> for the upstream
/// directory); anything else is treated as a bug in the corp type and isolated by the host.</para>
/// </remarks>
public interface ICorp
{
    /// <summary>The element this corp was created from (the seed's <c>corpData</c>).</summary>
    CorpElement CorpData { get; }

    /// <summary>The element's title.</summary>
    string Title { get; }

    /// <summary><c>corps.&lt;Name&gt;</c>.</summary>
    string FullName { get; }

    /// <summary>The same as <see cref="FullName"/> (the seed's <c>corpFullName</c>).</summary>
    string CorpFullName { get; }

    /// <summary>The resolved auth config; its secrets print masked.</summary>
    CorpAuthConfig AuthConfig { get; }

    /// <summary>First-time setup of the corp in the store, then a full sync (seed: <c>initCorp</c>).</summary>
    Task<SyncReport> InitCorpAsync(CancellationToken cancellationToken);

    /// <summary>Full sync: fetch the upstream snapshot, plan, guard, apply (seed: <c>syncCorp</c>).</summary>
    Task<SyncReport> SyncCorpAsync(SyncOptions options, CancellationToken cancellationToken);

    /// <summary>Fetches the complete upstream snapshot; writes nothing (seed: <c>getThirdCorpData</c>).</summary>
    /// <remarks>Throws rather than return a partial snapshot: missing members would be offlined.</remarks>
    Task<CorpSnapshot> GetThirdCorpDataAsync(CancellationToken cancellationToken);

    /// <summary>Registers a snapshot's people into the local pool: plan, guard, apply (seed: <c>bulkRegister</c>).</summary>
    Task<SyncReport> BulkRegisterAsync(CorpSnapshot snapshot, SyncOptions options, CancellationToken cancellationToken);

    /// <summary>The local members, departments, groups and roles of this corp (seed: <c>getLocalCorpData</c>).</summary>
    Task<LocalCorpData> GetLocalCorpDataAsync(CancellationToken cancellationToken);

    /// <summary>The local root department, named after the tenant (seed: <c>getRootDept</c>).</summary>
    /// <exception cref="CorpException">The corp has never been synced.</exception>
    Task<LocalDepartment> GetRootDeptAsync(CancellationToken cancellationToken);

    /// <summary>Replaces a member's roles; returns the member's role rows (seed: <c>setUserRole</c>).</summary>
    Task<IReadOnlyList<RoleMember>> SetUserRoleAsync(long memberId, IReadOnlyCollection<string> roleIds, CancellationToken cancellationToken);

    /// <summary>Marks members resigned in this corp only; returns how many changed (seed: <c>offlineMember</c>).</summary>
    Task<int> OfflineMemberAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken);

    /// <summary>A member's signature image link, or null (seed: <c>getUserSignature</c>).</summary>
    Task<string?> GetUserSignatureAsync(long memberId, CancellationToken cancellationToken);

    /// <summary>Sets or clears a member's signature image link (seed: <c>saveUserSignature</c>).</summary>
    Task SaveUserSignatureAsync(long memberId, string? signatureUrl, CancellationToken cancellationToken);

    /// <summary>Replaces the corp's administrators (seed: <c>setAdmin</c>).</summary>
    Task SetAdminAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken);

    /// <summary>The corp's administrators (seed: <c>getAdmin</c>).</summary>
    Task<IReadOnlyList<LocalMember>> GetAdminAsync(CancellationToken cancellationToken);

    /// <summary>Title, names, type, plugin and last sync, secrets masked (seed: <c>getCorpInfo</c>).</summary>
    Task<CorpInfo> GetCorpInfoAsync(CancellationToken cancellationToken);

    /// <summary>The upstream API client, for calls the framework does not wrap (seed: <c>getClient</c>).</summary>
    object GetClient();
}
