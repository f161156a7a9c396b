using Corps.Abstractions;

namespace Corps.Host.Cli;

/// <summary>
/// Stands in for the store when a read-only command (<c>corps list</c>) runs before any store file exists, so that
/// listing never creates one. Anything that would need the store says how to get one.
/// </summary>
internal sealed class ClosedStore(string path) : ICorpStore, ICorpSync
{
    public Task<LocalCorpData> GetLocalCorpDataAsync(CancellationToken cancellationToken) => throw NoStore();

    public Task<LocalDepartment?> GetRootDepartmentAsync(CancellationToken cancellationToken) => Task.FromResult<LocalDepartment?>(null);

    public Task<IReadOnlyList<RoleMember>> SetMemberRolesAsync(long memberId, IReadOnlyCollection<string> roleIds, CancellationToken cancellationToken) => throw NoStore();

    public Task<int> OfflineMembersAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken) => throw NoStore();

    public Task<string?> GetSignatureAsync(long memberId, CancellationToken cancellationToken) => throw NoStore();

    public Task SaveSignatureAsync(long memberId, string? signatureUrl, CancellationToken cancellationToken) => throw NoStore();

    public Task SetAdminsAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken) => throw NoStore();

    public Task<IReadOnlyList<LocalMember>> GetAdminsAsync(CancellationToken cancellationToken) => throw NoStore();

    public Task<SyncReport?> GetLastRunAsync(CancellationToken cancellationToken) => Task.FromResult<SyncReport?>(null);

    public Task<SyncReport> SyncAsync(ICorp corp, SyncOptions options, CancellationToken cancellationToken) => throw NoStore();

    public Task<SyncReport> ApplyAsync(ICorp corp, CorpSnapshot snapshot, SyncOptions options, CancellationToken cancellationToken) => throw NoStore();

    private CorpException NoStore() => new(CorpErrorKind.Configuration, $"There is no store at {path} yet.", "Run 'corps sync' first, or point --store at the store file.");
}
