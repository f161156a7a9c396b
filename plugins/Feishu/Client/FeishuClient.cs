using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Corps.Abstractions;
using Corps.Feishu.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corps.Feishu.Client;

/// <summary>
/// The Feishu/Lark Open API client of one corp (what <see cref="ICorp.GetClient"/> returns): authenticated, paced,
/// retried calls for anything the framework does not wrap.
/// </summary>
/// <remarks>
/// <para>Thread-safe and meant to live as long as its corp: it pools keep-alive connections (HTTP/1.1 over
/// <see cref="SocketsHttpHandler"/>) and caches the tenant token, refreshing it ahead of expiry.</para>
/// <para>Every failure surfaces as an <see cref="UpstreamException"/> carrying the upstream code, message and log id and
/// what to do; no message or log line contains the app secret or a token.</para>
/// </remarks>
public sealed class FeishuClient : IDisposable
{
    private readonly FeishuTransport _transport;

    /// <summary>Creates a client over its own connection pool.</summary>
    public FeishuClient(FeishuClientOptions options, ILogger<FeishuClient>? logger = null, TimeProvider? time = null)
        : this(options, CreateHandler(options), logger, time)
    {
    }

    /// <summary>Creates a client over <paramref name="handler"/> (tests, custom proxies); the client disposes it.</summary>
    public FeishuClient(FeishuClientOptions options, HttpMessageHandler handler, ILogger<FeishuClient>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        Options = options;
        _transport = new FeishuTransport(options, handler, time ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>The options the client runs with.</summary>
    public FeishuClientOptions Options { get; }

    /// <summary>HTTP requests sent since the client was created (every attempt, token requests included).</summary>
    public long TotalApiCalls => _transport.TotalCalls;

    /// <summary>Starts counting the requests made by this async flow (and the tasks it starts) until disposed.</summary>
    /// <returns>The counter; dispose it to stop counting.</returns>
    public CallCountScope CountCalls()
    {
        var scope = new CallCountScope(_transport, new ApiCallCounter());
        return scope;
    }

    /// <summary>Sends one call and returns its parsed response (code 0).</summary>
    /// <typeparam name="T">The response type, e.g. <see cref="FeishuEnvelope{T}"/> of the caller's data shape.</typeparam>
    /// <exception cref="UpstreamException">The call failed for good (after retries where retrying makes sense).</exception>
    public Task<T> SendAsync<T>(FeishuRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class, IFeishuResponse
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return _transport.SendAsync(request, typeInfo, cancellationToken);
    }

    /// <summary>GETs <paramref name="path"/> and returns its <c>data</c> as JSON (for calls without a typed model).</summary>
    /// <param name="path">The path from the host, e.g. <c>/open-apis/contact/v3/users/ou_…</c>.</param>
    /// <param name="query">Query parameters (repeat a key for array parameters).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<JsonElement> GetDataAsync(string path, IEnumerable<KeyValuePair<string, string>>? query, CancellationToken cancellationToken)
    {
        var request = new FeishuRequest(HttpMethod.Get, path) { Query = query?.ToArray() ?? [] };
        var envelope = await SendAsync(request, FeishuJsonContext.Default.FeishuEnvelopeJsonElement, cancellationToken).ConfigureAwait(false);
        return envelope.Data;
    }

    /// <summary>Reads every page of a list, following <c>page_token</c> while <c>has_more</c>.</summary>
    /// <remarks>A listing that claims more pages without a token, or repeats a token, throws: a list cut short must
    /// never pass for a complete one.</remarks>
    /// <exception cref="UpstreamException">A page failed, or the paging was inconsistent.</exception>
    public async IAsyncEnumerable<TPage> GetPagesAsync<TPage>(FeishuRequest request, JsonTypeInfo<FeishuEnvelope<TPage>> typeInfo,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TPage : class, IWirePage
    {
        ArgumentNullException.ThrowIfNull(request);
        string? pageToken = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var pageRequest = pageToken is null ? request : request.With("page_token", pageToken);
            var envelope = await SendAsync(pageRequest, typeInfo, cancellationToken).ConfigureAwait(false);
            if (envelope.Data is not { } page)
                yield break;
            yield return page;
            if (!page.HasMore)
                yield break;
            if (string.IsNullOrEmpty(page.PageToken) || !seen.Add(page.PageToken))
            {
                throw new UpstreamException(
                    $"{Options.CloudName} API {request.ApiKey} said more pages follow but gave {(string.IsNullOrEmpty(page.PageToken) ? "no" : "a repeated")} page_token, for {Options.CorpName}.",
                    "The listing could not be read to the end; run the sync again. If it persists, report it with this API name.");
            }

            pageToken = page.PageToken;
        }
    }

    /// <summary>Reads every item of an <c>items</c> list, page by page.</summary>
    public async IAsyncEnumerable<JsonElement> GetItemsAsync(FeishuRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in GetPagesAsync(request, FeishuJsonContext.Default.FeishuEnvelopeWireItemsPageJsonElement, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items ?? [])
                yield return item;
        }
    }

    /// <summary>Fetches (or reuses) the tenant token, proving the credentials work; the token itself stays inside.</summary>
    /// <exception cref="UpstreamException">The credentials were refused.</exception>
    public async Task VerifyCredentialsAsync(CancellationToken cancellationToken) =>
        await _transport.GetTokenAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public void Dispose() => _transport.Dispose();

    private static SocketsHttpHandler CreateHandler(FeishuClientOptions options) => new()
    {
        // Keep-alive pooling sized to our concurrency; recycle connections so DNS changes are picked up.
        MaxConnectionsPerServer = options.MaxConcurrency,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = DecompressionMethods.All,
        AllowAutoRedirect = false,
        UseCookies = false,
    };
}
