using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Corps.Abstractions;
using Corps.Feishu.Wire;
using Microsoft.Extensions.Logging;

namespace Corps.Feishu.Client;

/// <summary>
/// Sends one Open API call to completion: pacing, bounded concurrency, the tenant token, retries, timeouts and the
/// mapping of failures to <see cref="UpstreamException"/>.
/// </summary>
/// <remarks>
/// Order per attempt: token (cached, single-flight) → the API's rate limiter → a concurrency slot → HTTP. Waiting for a
/// token or a rate-limit slot never holds a concurrency slot, so neither can starve the other.
/// Retried: 5xx, timeouts, dropped connections, malformed JSON and the server's transient codes (jittered exponential
/// backoff, <see cref="FeishuClientOptions.MaxAttempts"/>); 429 / 99991400 (wait the server's reset, capped, pausing the
/// whole API); a refused token (dropped and fetched again, once per call). Everything else fails at once.
/// </remarks>
internal sealed class FeishuTransport : IDisposable
{
    private const string TokenPath = "/open-apis/auth/v3/tenant_access_token/internal";

    private readonly HttpClient _http;
    private readonly FeishuClientOptions _options;
    private readonly ApiRateLimiter _limiter;
    private readonly SemaphoreSlim _gate;
    private readonly TenantTokenCache _tokens = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AsyncLocal<ApiCallCounter?> _counter = new();
    private readonly string _baseUrl;
    private long _totalCalls;

    public FeishuTransport(FeishuClientOptions options, HttpMessageHandler handler, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _limiter = new ApiRateLimiter(options.RateLimit, time);
        _gate = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        _baseUrl = options.BaseUrl.ToString().TrimEnd('/');
        // Per-attempt timeouts are ours (linked tokens); HttpClient's own would fire as an unrelated cancellation.
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public long TotalCalls => Interlocked.Read(ref _totalCalls);

    public ApiCallCounter? CurrentCounter
    {
        get => _counter.Value;
        set => _counter.Value = value;
    }

    public async Task<T> SendAsync<T>(FeishuRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class, IFeishuResponse
    {
        using var overall = new CancellationTokenSource(_options.CallTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, overall.Token);
        var token = linked.Token;
        var failures = 0;
        var rateWaits = 0;
        var tokenRenewed = false;
        try
        {
            while (true)
            {
                var accessToken = request.Authenticated ? await GetTokenAsync(token).ConfigureAwait(false) : null;
                await _limiter.WaitAsync(request.ApiKey, token).ConfigureAwait(false);
                AttemptResult<T> result;
                await _gate.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    result = await AttemptAsync(request, typeInfo, accessToken, token).ConfigureAwait(false);
                }
                finally
                {
                    _gate.Release();
                }

                switch (result.Outcome)
                {
                    case AttemptOutcome.Success:
                        return result.Response!;
                    case AttemptOutcome.RateLimited when ++rateWaits <= _options.MaxRateLimitWaits:
                        _logger.RateLimited(_options.CorpName, request.ApiKey, result.LogId, (long)result.RetryAfter.TotalMilliseconds);
                        _limiter.PauseUntil(request.ApiKey, _time.GetUtcNow() + result.RetryAfter);
                        continue;
                    case AttemptOutcome.TokenRejected when !tokenRenewed && accessToken is not null:
                        _logger.TokenRejected(_options.CorpName, request.ApiKey, result.Response?.Code, result.LogId);
                        _tokens.Invalidate(accessToken);
                        tokenRenewed = true;
                        continue;
                    case AttemptOutcome.Transient when ++failures < _options.MaxAttempts:
                        var delay = Backoff(failures);
                        _logger.Retrying(_options.CorpName, request.ApiKey, failures, result.Reason ?? "transient failure", (long)delay.TotalMilliseconds);
                        await Task.Delay(delay, _time, token).ConfigureAwait(false);
                        continue;
                    default:
                        throw Fail(request, result, failures);
                }
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && overall.IsCancellationRequested)
        {
            _logger.CallFailed(_options.CorpName, request.ApiKey, "call timed out", null, null, null);
            throw new UpstreamException(
                $"{_options.CloudName} API {request.ApiKey} did not complete within {_options.CallTimeout.TotalSeconds:0} s for {_options.CorpName} (retries included).",
                $"Check the network path to {_options.BaseUrl.Host}, or raise 'timeoutSeconds' in {_options.CredentialsFile}.",
                innerException: ex);
        }
    }

    private async Task<AttemptResult<T>> AttemptAsync<T>(FeishuRequest request, JsonTypeInfo<T> typeInfo, string? accessToken, CancellationToken callToken)
        where T : class, IFeishuResponse
    {
        using var attempt = new CancellationTokenSource(_options.AttemptTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callToken, attempt.Token);
        using var message = Build(request, accessToken);
        Interlocked.Increment(ref _totalCalls);
        _counter.Value?.Increment();
        int? status = null;
        string? logId = null;
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            logId = Header(response, "X-Tt-Logid") ?? Header(response, "X-Request-Id");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                return new(AttemptOutcome.RateLimited, HttpStatus: status, LogId: logId, RetryAfter: ResetDelay(response));
            if (status >= 500)
                return new(AttemptOutcome.Transient, Reason: $"HTTP {status}", HttpStatus: status, LogId: logId);

            T? body;
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                    body = await JsonSerializer.DeserializeAsync(stream, typeInfo, linked.Token).ConfigureAwait(false);
            }
            catch (JsonException ex) when (response.IsSuccessStatusCode)
            {
                return new(AttemptOutcome.Transient, Reason: "malformed JSON", HttpStatus: status, LogId: logId, Exception: ex);
            }
            catch (JsonException ex)
            {
                return new(AttemptOutcome.Failed, Reason: $"HTTP {status} with a body that is not Open API JSON (is the base URL right?)",
                    HttpStatus: status, LogId: logId, Exception: ex);
            }

            if (body is null)
                return new(AttemptOutcome.Transient, Reason: "empty body", HttpStatus: status, LogId: logId);
            logId ??= body.Error?.LogId;
            return body.Code switch
            {
                0 when response.IsSuccessStatusCode => new(AttemptOutcome.Success, body, HttpStatus: status, LogId: logId),
                ErrorAdvice.RateLimited => new(AttemptOutcome.RateLimited, body, HttpStatus: status, LogId: logId, RetryAfter: ResetDelay(response)),
                var c when ErrorAdvice.IsTokenError(c) => new(AttemptOutcome.TokenRejected, body, HttpStatus: status, LogId: logId),
                var c when ErrorAdvice.IsTransient(c) => new(AttemptOutcome.Transient, body, $"code {c}", status, logId),
                _ => new(AttemptOutcome.Failed, body, HttpStatus: status, LogId: logId),
            };
        }
        catch (HttpRequestException ex)
        {
            return new(AttemptOutcome.Transient, Reason: "connection failed or dropped", HttpStatus: status, LogId: logId, Exception: ex);
        }
        catch (IOException ex)
        {
            return new(AttemptOutcome.Transient, Reason: "connection dropped while reading", HttpStatus: status, LogId: logId, Exception: ex);
        }
        catch (OperationCanceledException ex) when (!callToken.IsCancellationRequested)
        {
            return new(AttemptOutcome.Transient, Reason: $"no answer within {_options.AttemptTimeout.TotalSeconds:0} s", HttpStatus: status, LogId: logId, Exception: ex);
        }
    }

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_tokens.TryGet(_time.GetUtcNow(), out var cached))
            return cached;
        await _tokens.RefreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_tokens.TryGet(_time.GetUtcNow(), out cached))
                return cached;
            var body = JsonSerializer.SerializeToUtf8Bytes(
                new WireTokenRequest { AppId = _options.AppId, AppSecret = _options.AppSecret.Reveal() },
                FeishuJsonContext.Default.WireTokenRequest);
            var request = new FeishuRequest(HttpMethod.Post, TokenPath) { JsonBody = body, Authenticated = false };
            var response = await SendAsync(request, FeishuJsonContext.Default.WireTokenResponse, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(response.TenantAccessToken))
            {
                throw new UpstreamException($"{_options.CloudName} answered the token request for {_options.CorpName} without a tenant_access_token.",
                    $"Check that appId in {_options.CredentialsFile} is a self-built (internal) app.", response.Code, response.Msg);
            }

            var lifetime = TimeSpan.FromSeconds(response.Expire is > 0 ? response.Expire.Value : 7200);
            var margin = _options.TokenRefreshMargin < lifetime / 2 ? _options.TokenRefreshMargin : lifetime / 2;
            _tokens.Set(response.TenantAccessToken, _time.GetUtcNow() + lifetime - margin);
            _logger.TokenFetched(_options.CorpName, (int)lifetime.TotalSeconds);
            return response.TenantAccessToken;
        }
        finally
        {
            _tokens.RefreshLock.Release();
        }
    }

    private HttpRequestMessage Build(FeishuRequest request, string? accessToken)
    {
        var url = new StringBuilder(_baseUrl).Append(request.Path);
        var separator = request.Path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (key, value) in request.Query)
        {
            url.Append(separator).Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        var message = new HttpRequestMessage(request.Method, url.ToString()) { Version = HttpVersion.Version11 };
        if (accessToken is not null)
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (request.JsonBody is { } json)
        {
            message.Content = new ReadOnlyMemoryContent(json);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        return message;
    }

    private TimeSpan ResetDelay(HttpResponseMessage response)
    {
        // x-ogw-ratelimit-reset is the seconds to wait; without it wait a second. Never more than the cap.
        var seconds = int.TryParse(Header(response, "x-ogw-ratelimit-reset"), out var reset) && reset >= 0 ? reset : 1;
        var delay = TimeSpan.FromSeconds(Math.Max(seconds, 0)) + TimeSpan.FromMilliseconds(Random.Shared.Next(50, 250));
        return delay < _options.MaxRateLimitWait ? delay : _options.MaxRateLimitWait;
    }

    private TimeSpan Backoff(int failures)
    {
        // Exponential with jitter in [50 %, 100 %] of the step, so retries of many callers spread out.
        var step = _options.BackoffBase.TotalMilliseconds * Math.Pow(2, failures - 1);
        var capped = Math.Min(step, _options.BackoffMax.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }

    private UpstreamException Fail<T>(FeishuRequest request, AttemptResult<T> result, int failures)
        where T : class, IFeishuResponse
    {
        var response = result.Response;
        var where = $"{_options.CloudName} API {request.ApiKey} failed for {_options.CorpName}";
        string message, fix;
        if (result.Outcome == AttemptOutcome.RateLimited)
        {
            message = $"{where}: still rate limited after {_options.MaxRateLimitWaits} waits.";
            fix = ErrorAdvice.Fix(ErrorAdvice.RateLimited, (IFeishuResponse?)response ?? EmptyResponse.Instance, _options);
        }
        else if (result.Outcome == AttemptOutcome.Transient)
        {
            message = $"{where}: gave up after {failures} attempts; the last one: {result.Reason}.";
            fix = $"Check that {_options.BaseUrl.Host} is reachable and healthy, then run the sync again.";
        }
        else if (response is not null && response.Code != 0)
        {
            message = $"{where}: code {response.Code} ({response.Msg}).";
            fix = ErrorAdvice.Fix(response.Code, response, _options);
        }
        else
        {
            message = $"{where}: {result.Reason ?? $"HTTP {result.HttpStatus}"}.";
            fix = $"Check 'baseUrl' in {_options.CredentialsFile} (now {_options.BaseUrl}).";
        }

        if (result.LogId is not null)
            message = $"{message} Log id: {result.LogId}.";
        _logger.CallFailed(_options.CorpName, request.ApiKey, result.Reason ?? response?.Msg ?? "error", response?.Code, result.HttpStatus, result.LogId);
        return new UpstreamException(message, fix, response is { Code: not 0 } ? response.Code : null, response?.Msg, result.LogId, result.HttpStatus, result.Exception);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
        _tokens.Dispose();
    }
}
