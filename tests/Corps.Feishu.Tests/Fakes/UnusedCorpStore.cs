using Corps.Abstractions;

namespace Corps.Feishu.Tests.Fakes;

/// <summary>A store for corps whose tests never touch the store: any call is a test bug and fails loudly.</summary>
public sealed class UnusedCorpStore : ICorpStore
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

    private static InvalidOperationException Unused() => new("These tests do not use the store.");
}
