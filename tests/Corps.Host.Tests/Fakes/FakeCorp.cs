using Corps.Abstractions;

namespace Corps.Host.Tests.Fakes;

/// <summary>A corp type whose upstream is a snapshot the test sets (or a failure it throws).</summary>
[CorpType("corps.FakeType")]
public sealed class FakeCorp(CorpContext context) : CorpBase(context)
{
    private CorpSnapshot? _snapshot;

    /// <summary>What the next fetch returns.</summary>
    public CorpSnapshot? Snapshot
    {
        get => Volatile.Read(ref _snapshot);
        set => Volatile.Write(ref _snapshot, value);
    }

    /// <summary>When set, the next fetches throw this.</summary>
    public Exception? FetchFailure { get; set; }

    /// <summary>When set, fetches wait for this before returning (to hold a run open).</summary>
    public TaskCompletionSource? FetchGate { get; set; }

    /// <summary>Runs inside the fetch, e.g. to record overlaps.</summary>
    public Func<Task>? DuringFetch { get; set; }

    public int Fetches { get; private set; }

    public override async Task<CorpSnapshot> GetThirdCorpDataAsync(CancellationToken cancellationToken)
    {
        Fetches++;
        if (DuringFetch is { } during)
            await during().ConfigureAwait(false);
        if (FetchGate is { } gate)
            await gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (FetchFailure is { } failure)
            throw failure;
        return Snapshot ?? throw new InvalidOperationException("The test set no snapshot.");
    }

    public override object GetClient() => this;
}
