using Corps.Abstractions;

namespace Corps.Host.Tests.Fakes;

/// <summary>A store for tests that only create corps: any call means the code under test did I/O it should not.</summary>
public sealed class UnusedCorpStore : ICorpStore, ICorpSync
{
    public Task<LocalCorpData> GetLocalCorpDataAsync(CancellationToken cancellationToken) => throw Unexpected();

    public Task<LocalDepartment?> GetRootDepartmentAsync(CancellationToken cancellationToken) => throw Unexpected();

    public Task<IReadOnlyList<RoleMember>> SetMemberRolesAsync(long memberId, IReadOnlyCollection<string> roleIds, CancellationToken cancellationToken) => throw Unexpected();

    public Task<int> OfflineMembersAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken) => throw Unexpected();

    public Task<string?> GetSignatureAsync(long memberId, CancellationToken cancellationToken) => throw Unexpected();

    public Task SaveSignatureAsync(long memberId, string? signatureUrl, CancellationToken cancellationToken) => throw Unexpected();

    public Task SetAdminsAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken) => throw Unexpected();

    public Task<IReadOnlyList<LocalMember>> GetAdminsAsync(CancellationToken cancellationToken) => throw Unexpected();

    public Task<SyncReport?> GetLastRunAsync(CancellationToken cancellationToken) => throw Unexpected();

    public Task<SyncReport> SyncAsync(ICorp corp, SyncOptions options, CancellationToken cancellationToken) => throw Unexpected();

    public Task<SyncReport> ApplyAsync(ICorp corp, CorpSnapshot snapshot, SyncOptions options, CancellationToken cancellationToken) => throw Unexpected();

    public static CorpContext ContextFor(CorpElement element)
    {
        var store = new UnusedCorpStore();
        return new CorpContext
        {
            Element = element,
            Store = store,
            Sync = store,
            LoggerFactory = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
        };
    }

    private static InvalidOperationException Unexpected() => new("The store was called where no test expected it.");
}
