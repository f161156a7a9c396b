using Corps.Abstractions;

namespace Corps.Host.Tests.Fakes;

/// <summary>A corp that records its full syncs (and receives no events).</summary>
internal class RecordingCorp : ICorp
{
    private readonly object _gate = new();
    private readonly List<SyncReport> _runs = [];
    private int _running;
    private int _maxRunning;

    public RecordingCorp(string name, string? schedule = null, bool syncOnStart = false, string type = "corps.FakeType")
    {
        CorpData = new CorpElement
        {
            Name = name,
            Title = name + " title",
            Type = type,
            Directory = Path.Combine(Path.GetTempPath(), "elements", name),
            Auth = new CorpAuthConfig { AppId = "cli_fake", AppSecret = new Secret("fake-secret") },
            Schedule = schedule,
            SyncOnStart = syncOnStart,
        };
    }

    /// <summary>How long a full sync takes.</summary>
    public TimeSpan SyncDuration { get; set; }

    /// <summary>Makes the next syncs throw.</summary>
    public Exception? SyncFailure { get; set; }

    public IReadOnlyList<SyncReport> Runs
    {
        get
        {
            lock (_gate)
                return _runs.ToList();
        }
    }

    /// <summary>The most syncs of this corp that ran at the same time.</summary>
    public int MaxConcurrentSyncs => Volatile.Read(ref _maxRunning);

    public CorpElement CorpData { get; }

    public string Title => CorpData.Title;

    public string FullName => CorpData.FullName;

    public string CorpFullName => FullName;

    public CorpAuthConfig AuthConfig => CorpData.Auth;

    public async Task<SyncReport> SyncCorpAsync(SyncOptions options, CancellationToken cancellationToken)
    {
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxRunning, running);
        var started = DateTimeOffset.UtcNow;
        try
        {
            if (SyncDuration > TimeSpan.Zero)
                await Task.Delay(SyncDuration, cancellationToken);
            if (SyncFailure is { } failure)
                throw failure;
            lock (_gate)
            {
                var report = new SyncReport
                {
                    RunId = _runs.Count + 1,
                    CorpFullName = FullName,
                    Trigger = options.Trigger,
                    Outcome = SyncOutcome.Unchanged,
                    StartedAt = started,
                    FinishedAt = DateTimeOffset.UtcNow,
                };
                _runs.Add(report);
                return report;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public Task<CorpInfo> GetCorpInfoAsync(CancellationToken cancellationToken) => Task.FromResult(new CorpInfo
    {
        Title = Title,
        FullName = FullName,
        Type = CorpData.Type,
        Plugin = "fake",
        AuthConfig = AuthConfig.ToMasked(),
        LastSync = Runs.LastOrDefault(),
    });

    public Task<SyncReport> InitCorpAsync(CancellationToken cancellationToken) => SyncCorpAsync(new SyncOptions { Trigger = "init" }, cancellationToken);

    public Task<CorpSnapshot> GetThirdCorpDataAsync(CancellationToken cancellationToken) => throw Unused();

    public Task<SyncReport> BulkRegisterAsync(CorpSnapshot snapshot, SyncOptions options, CancellationToken cancellationToken) => throw Unused();

    public Task<LocalCorpData> GetLocalCorpDataAsync(CancellationToken cancellationToken) => throw Unused();

    public Task<LocalDepartment> GetRootDeptAsync(CancellationToken cancellationToken) => throw Unused();

    public Task<IReadOnlyList<RoleMember>> SetUserRoleAsync(long memberId, IReadOnlyCollection<string> roleIds, CancellationToken cancellationToken) => throw Unused();

    public Task<int> OfflineMemberAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken) => throw Unused();

    public Task<string?> GetUserSignatureAsync(long memberId, CancellationToken cancellationToken) => throw Unused();

    public Task SaveUserSignatureAsync(long memberId, string? signatureUrl, CancellationToken cancellationToken) => throw Unused();

    public Task SetAdminAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken) => throw Unused();

    public Task<IReadOnlyList<LocalMember>> GetAdminAsync(CancellationToken cancellationToken) => throw Unused();

    public object GetClient() => throw Unused();

    private static NotSupportedException Unused() => new("The serve tests do not use this member.");

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
