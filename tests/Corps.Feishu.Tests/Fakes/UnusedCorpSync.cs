using Corps.Abstractions;

namespace Corps.Feishu.Tests.Fakes;

/// <summary>A sync engine for corps whose tests only fetch: any call is a test bug and fails loudly.</summary>
public sealed class UnusedCorpSync : ICorpSync
{
    public Task<SyncReport> SyncAsync(ICorp corp, SyncOptions options, CancellationToken cancellationToken) => throw Unused();
    public Task<SyncReport> ApplyAsync(ICorp corp, CorpSnapshot snapshot, SyncOptions options, CancellationToken cancellationToken) => throw Unused();

    private static InvalidOperationException Unused() => new("These tests do not sync.");
}
