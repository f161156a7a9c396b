using Corps.Abstractions;
using Corps.Feishu.Checks;
using Corps.Feishu.Client;
using Corps.Feishu.Contacts;
using Corps.Feishu.Events;
using Microsoft.Extensions.Logging;

namespace Corps.Feishu;

/// <summary>
/// A self-built ("internal") app of the Open Platform, on either cloud: the snapshot, the API client, event decoding
/// and the connection check. <see cref="FeishuCorp"/> and Corps.Lark's corp differ only in the cloud.
/// </summary>
/// <remarks>The constructor validates the element's tuning keys and does no I/O; the client (and its connection pool) is
/// created on first use and lives as long as the corp.</remarks>
public abstract class FeishuCorpBase : CorpBase, ICorpEventSource, ICorpConnectionCheck, IDisposable
{
    private readonly FeishuClientOptions _options;
    private readonly Lazy<FeishuClient> _client;
    private readonly FeishuEventDecoder _decoder;

    /// <summary>Creates the corp for <paramref name="cloud"/>.</summary>
    /// <exception cref="CorpException">A tuning key of the auth config is invalid.</exception>
    protected FeishuCorpBase(CorpContext context, FeishuCloud cloud)
        : base(context)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        Cloud = cloud;
        _options = FeishuSettings.ToClientOptions(context.Element, cloud);
        _client = new Lazy<FeishuClient>(() => new FeishuClient(_options, context.LoggerFactory.CreateLogger<FeishuClient>(), context.Time));
        _decoder = new FeishuEventDecoder(new EventDecoderOptions
        {
            EncryptKey = context.Element.Auth.EncryptKey,
            VerificationToken = context.Element.Auth.VerificationToken,
            Time = context.Time,
        });
    }

    /// <summary>The cloud this corp talks to.</summary>
    public FeishuCloud Cloud { get; }

    /// <summary>The Open API client (the same object as <see cref="GetClient"/>).</summary>
    public FeishuClient Client => _client.Value;

    /// <inheritdoc/>
    public override object GetClient() => Client;

    /// <inheritdoc/>
    public override Task<CorpSnapshot> GetThirdCorpDataAsync(CancellationToken cancellationToken) =>
        new SnapshotFetcher(new ContactApi(Client), Logger, Context.Time, FullName, Title).FetchAsync(cancellationToken);

    /// <inheritdoc/>
    public WebhookResult Decode(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _decoder.Decode(request);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ConnectionCheckItem>> CheckAsync(CancellationToken cancellationToken) =>
        new ConnectionChecker(new ContactApi(Client), Cloud).CheckAsync(cancellationToken);

    /// <summary>Releases the client's connection pool.</summary>
    public void Dispose()
    {
        if (_client.IsValueCreated)
            _client.Value.Dispose();
        GC.SuppressFinalize(this);
    }
}
