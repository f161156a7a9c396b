using Corps.Abstractions;

namespace Corps.Host.Events;

/// <summary>The inbox of a store that does not exist yet: empty, and refuses writes.</summary>
internal sealed class EmptyEventInbox : IEventInbox
{
    public Task<bool> AddAsync(string corp, CorpEvent corpEvent, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("There is no store to write events to.");

    public Task<IReadOnlyList<InboxEntry>> GetPendingAsync(string corp, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InboxEntry>>([]);

    public Task MarkAppliedAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RecordFailureAsync(long id, string error, bool park, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<InboxCounts> GetCountsAsync(string corp, CancellationToken cancellationToken) => Task.FromResult(new InboxCounts(0, 0, 0));

    public Task<IReadOnlyList<InboxEntry>> GetParkedAsync(string corp, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InboxEntry>>([]);

    public Task<int> RequeueParkedAsync(string corp, CancellationToken cancellationToken) => Task.FromResult(0);
}
