using Corps.Abstractions;

namespace FeishuFetch;

/// <summary>The store and sync engine of a corp that is only asked for its snapshot: any other use is a bug here.</summary>
internal sealed class FetchOnly : ICorpStore, ICorpSync
{
    public Task<LocalCorpData> GetLocalCorpDataAsync(CancellationToken cancellationToken) => throw Unused();
    public Task<LocalDepartment?> GetRootDepartmentAsync(CancellationToken cancellationToken) => throw Unused();
    public Task<IReadOnlyList<RoleMember>> SetMemberRolesAsync(long memberId, IReadOnlyCollection<string> roleIds, CancellationToken cancellationToken) => throw Unused();
    public Task<int> OfflineMembersAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken) => throw Unused();
    public Task<string?> GetSignatureAsync(long memberId, CancellationToken cancellationToken) => throw Unused();
    public Task SaveSignatureAsync(long memberId, string? signatureUrl, CancellationToken cancellationToken) => throw Unused();
    public Task SetAdminsAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken) => throw Unused();
    public Task<IReadOnlyList<LocalMember>> GetAdminsAsync(CancellationToken cancellationToken) => throw Unused();
    public Task<SyncReport?> GetLastRunAsync(CancellationToken cancellationToken) => throw Unused();
    public Task<SyncReport> SyncAsync(ICorp corp, SyncOptions options, CancellationToken cancellationToken) => throw Unused();
    public Task<SyncReport> ApplyAsync(ICorp corp, CorpSnapshot snapshot, SyncOptions options, CancellationToken cancellationToken) => throw Unused();

    private static InvalidOperationException Unused() => new("The fetch benchmark only fetches.");
}
