using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Corps.Emulator.Apps;
using Corps.Emulator.Faults;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corps.Emulator.Events;

/// <summary>
/// Builds schema-2.0 contact events inside writes and pushes them to the configured callback URLs: encrypted and
/// signed when an Encrypt Key is set, retried on anything but HTTP 200 at 15 s, 5 min, 1 h and 6 h (scaled by the
/// time factor), optionally duplicated or reordered.
/// </summary>
public sealed partial class EventPublisher : IAsyncDisposable
{
    private static readonly TimeSpan[] s_retrySchedule =
        [TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), TimeSpan.FromHours(6)];

    /// <summary>How many emitted events and delivery attempts are kept for inspection (the oldest are dropped).</summary>
    public const int KeepRecent = 10_000;

    private readonly List<PendingEvent> _pending = [];
    private readonly ConcurrentQueue<EmittedEvent> _emitted = new();
    private readonly ConcurrentQueue<EventDelivery> _deliveries = new();
    private readonly Channel<(PendingEvent Event, int Attempt)> _queue = Channel.CreateUnbounded<(PendingEvent, int)>();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentDictionary<Task, byte> _retries = new();
    private readonly TimeProvider _time;
    private readonly double _timeFactor;
    private readonly ILogger _logger;
    private readonly int _seed;
    private long _sequence;
    private long _lastCreateTime;
    private Task? _loop;

    internal EventPublisher(IReadOnlyList<EventTarget> targets, TimeProvider time, double timeFactor, int seed, ILogger? logger)
    {
        Targets = targets;
        _time = time;
        _timeFactor = timeFactor;
        _seed = seed;
        _logger = logger ?? NullLogger.Instance;
    }

    internal IReadOnlyList<EventTarget> Targets { get; }

    /// <summary>Every event emitted so far, per app, in order.</summary>
    public IReadOnlyCollection<EmittedEvent> Emitted => _emitted;

    /// <summary>Every delivery attempt so far.</summary>
    public IReadOnlyCollection<EventDelivery> Deliveries => _deliveries;

    internal AppRegistry? Apps { get; set; }

    internal string TenantKey { get; set; } = "";

    internal void Start() => _loop = Task.Run(() => PumpAsync(_stop.Token));

    /// <summary>
    /// Builds an event for every app whose <paramref name="build"/> returns a writer (null = the app does not see
    /// this change) and queues a delivery per target of that app. Call only under the org's write lock.
    /// </summary>
    internal void Emit(string eventType, Func<EmulatedApp, Action<Utf8JsonWriter>?> build)
    {
        if (Apps is null) return;
        foreach (var app in Apps.All)
        {
            var writeEvent = build(app);
            if (writeEvent is null) continue;
            var eventId = NewEventId();
            var json = Compose(eventId, eventType, app, writeEvent);
            _emitted.Enqueue(new EmittedEvent(eventId, eventType, app.AppId, json));
            while (_emitted.Count > KeepRecent) _emitted.TryDequeue(out _);
            for (var i = 0; i < Targets.Count; i++)
                if (Targets[i].AppId == app.AppId) _pending.Add(new PendingEvent(i, eventId, eventType, json));
        }
    }

    internal List<PendingEvent> TakePending()
    {
        if (_pending.Count == 0) return [];
        var taken = new List<PendingEvent>(_pending);
        _pending.Clear();
        return taken;
    }

    internal void Publish(IEnumerable<PendingEvent> events)
    {
        foreach (var e in events) _queue.Writer.TryWrite((e, 0));
    }

    /// <summary>
    /// Sends Feishu's url_verification challenge to target <paramref name="targetIndex"/> (encrypted when it has an
    /// Encrypt Key) and returns true when the answer echoes the challenge.
    /// </summary>
    public async Task<bool> VerifyUrlAsync(int targetIndex, CancellationToken cancellationToken = default)
    {
        var target = Targets[targetIndex];
        var challenge = Guid.NewGuid().ToString("N");
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["challenge"] = challenge,
            ["token"] = target.Options.VerificationToken ?? "",
            ["type"] = "url_verification",
        });
        using var response = await SendAsync(target, json, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode != 200) return false;
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.TryGetProperty("challenge", out var c) && c.GetString() == challenge;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // Feishu emits one tenant's contact changes from an ordered log, so two changes of one object never share a
    // create_time; the clock's milliseconds alone would, when writes come fast. Receivers order events by it.
    private long NextCreateTime()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        while (true)
        {
            var last = Interlocked.Read(ref _lastCreateTime);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _lastCreateTime, next, last) == last)
                return next;
        }
    }

    private string Compose(string eventId, string eventType, EmulatedApp app, Action<Utf8JsonWriter> writeEvent)
    {
        var target = Targets.FirstOrDefault(t => t.AppId == app.AppId);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Corps.Emulator.Json.JsonWriting.Options))
        {
            w.WriteStartObject();
            w.WriteString("schema", "2.0");
            w.WriteStartObject("header");
            w.WriteString("event_id", eventId);
            w.WriteString("event_type", eventType);
            w.WriteString("create_time", NextCreateTime().ToString(CultureInfo.InvariantCulture));
            w.WriteString("token", target?.Options.VerificationToken ?? "");
            w.WriteString("app_id", app.AppId);
            w.WriteString("tenant_key", TenantKey);
            w.WriteEndObject();
            w.WritePropertyName("event");
            writeEvent(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private string NewEventId()
    {
        var n = Interlocked.Increment(ref _sequence);
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[..8]);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes[8..], n);
        return Convert.ToHexStringLower(bytes);
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        var batch = new List<(PendingEvent Event, int Attempt)>();
        var shuffle = new Random(_seed);
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < 32 && reader.TryRead(out var item)) batch.Add(item);
                if (Targets.Any(t => t.Options.OutOfOrder))
                {
                    // Give writes in flight a moment to join the batch, then deliver it in a seeded random order.
                    await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken).ConfigureAwait(false);
                    while (batch.Count < 32 && reader.TryRead(out var item)) batch.Add(item);
                    for (var i = batch.Count - 1; i > 0; i--)
                    {
                        var j = shuffle.Next(i + 1);
                        (batch[i], batch[j]) = (batch[j], batch[i]);
                    }
                }
                foreach (var (e, attempt) in batch)
                {
                    await DeliverAsync(e, attempt, cancellationToken).ConfigureAwait(false);
                    var target = Targets[e.TargetIndex];
                    if (attempt == 0 && target.Options.DuplicateRate > 0
                        && FaultInjector.Uniform(_seed, Interlocked.Read(ref _sequence) ^ e.EventId.GetHashCode(StringComparison.Ordinal), 99) < target.Options.DuplicateRate)
                        await DeliverAsync(e, attempt, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task DeliverAsync(PendingEvent e, int attempt, CancellationToken cancellationToken)
    {
        var target = Targets[e.TargetIndex];
        var status = 0;
        try
        {
            using var response = await SendAsync(target, e.Json, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException ex)
        {
            LogDeliveryFailed(_logger, e.EventId, target.Options.Url, ex.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogDeliveryFailed(_logger, e.EventId, target.Options.Url, "timed out");
        }
        _deliveries.Enqueue(new EventDelivery(e.EventId, e.EventType, target.Options.Url, attempt, status, _time.GetUtcNow()));
        while (_deliveries.Count > KeepRecent) _deliveries.TryDequeue(out _);
        if (status == 200 || attempt >= s_retrySchedule.Length) return;
        var delay = s_retrySchedule[attempt] * _timeFactor;
        Task retry = null!;
        retry = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay, _time, _stop.Token).ConfigureAwait(false);
                _queue.Writer.TryWrite((e, attempt + 1));
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
            finally
            {
                _retries.TryRemove(retry, out _);
            }
        }, CancellationToken.None);
        _retries.TryAdd(retry, 0);
    }

    private async Task<HttpResponseMessage> SendAsync(EventTarget target, string json, CancellationToken cancellationToken)
    {
        var key = target.Options.EncryptKey;
        var body = string.IsNullOrEmpty(key) ? json : "{\"encrypt\":\"" + EventCipher.Encrypt(key, json) + "\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Options.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        request.Headers.Add("X-Lark-Request-Timestamp", timestamp);
        request.Headers.Add("X-Lark-Request-Nonce", nonce);
        if (!string.IsNullOrEmpty(key)) request.Headers.Add("X-Lark-Signature", EventSigner.Sign(timestamp, nonce, key, body));
        return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }
        await Task.WhenAll(_retries.Keys).ConfigureAwait(false);
        _http.Dispose();
        _stop.Dispose();
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Event {EventId} to {Url} failed: {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, string eventId, Uri url, string reason);
}
