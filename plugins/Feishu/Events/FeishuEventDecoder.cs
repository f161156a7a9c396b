using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Corps.Abstractions;

namespace Corps.Feishu.Events;

/// <summary>
/// Verifies and decodes one event-subscription delivery: URL verification (plain or encrypted), the signature, the
/// verification token, AES decryption, and schema 2.0 or 1.0 bodies.
/// </summary>
/// <remarks>
/// <para>Pure and thread-safe; never throws. Every refusal says why without quoting the body or any secret.</para>
/// <para>With an encrypt key configured, an event must carry a valid <c>X-Lark-Signature</c> whose
/// <c>X-Lark-Request-Timestamp</c> is within <see cref="EventDecoderOptions.MaxClockSkew"/> of now (401 otherwise), so a
/// captured delivery cannot be replayed later. URL verification is the one exception (the SDKs skip the signature
/// there): it must still decrypt with the key and carry the verification token when one is configured. With neither an
/// encrypt key nor a verification token configured, events are refused (401): nothing would authenticate them.</para>
/// <para>A body that is a schema 2.0 event is treated as an event even if it also says <c>"type":"url_verification"</c>
/// (the Go SDK's sample does): answering a challenge would drop a real event, while a real challenge never has a
/// header.</para>
/// </remarks>
internal sealed class FeishuEventDecoder
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };
    private readonly EventDecoderOptions _options;
    private readonly EventCrypto? _crypto;
    private readonly byte[]? _token;

    public FeishuEventDecoder(EventDecoderOptions options)
    {
        _options = options;
        _crypto = options.EncryptKey is { IsEmpty: false } key ? new EventCrypto(key.Reveal()) : null;
        _token = options.VerificationToken is { IsEmpty: false } token ? Encoding.UTF8.GetBytes(token.Reveal()) : null;
    }

    public WebhookResult Decode(WebhookRequest request)
    {
        try
        {
            return DecodeCore(request);
        }
        catch (Exception ex)
        {
            // The contract: no body, however hostile, makes Decode throw. Only the exception's type is reported: its
            // message could quote the body.
            return new WebhookResult.Rejected(400, $"the body could not be decoded ({ex.GetType().Name})");
        }
    }

    private WebhookResult DecodeCore(WebhookRequest request)
    {
        var body = request.Body.Span;
        if (body.IsEmpty)
            return Reject(400, "empty body");

        var signed = false;
        var signature = Header(request, "X-Lark-Signature");
        if (_crypto is not null && signature is not null)
        {
            var timestamp = Header(request, "X-Lark-Request-Timestamp");
            var nonce = Header(request, "X-Lark-Request-Nonce");
            if (timestamp is null || nonce is null)
                return Reject(401, "signature headers incomplete (X-Lark-Request-Timestamp and X-Lark-Request-Nonce are required)");
            if (EventTime.FromHeader(timestamp) is not { } sentAt)
                return Reject(401, "X-Lark-Request-Timestamp is not a Unix time");
            if ((_options.Time.GetUtcNow() - sentAt).Duration() > _options.MaxClockSkew)
                return Reject(401, $"X-Lark-Request-Timestamp is more than {_options.MaxClockSkew.TotalMinutes:0} min from now (a replay, or a wrong clock)");
            if (!_crypto.VerifySignature(timestamp, nonce, body, signature))
                return Reject(401, "X-Lark-Signature does not match the body and the configured encrypt key");
            signed = true;
        }

        // JsonDocument defers UTF-8 validation of string values to the first read; check it once, up front.
        if (!Utf8.IsValid(body))
            return Reject(400, "the body is not valid UTF-8");

        JsonDocument? inner = null;
        using var outer = JsonDocument.Parse(request.Body, JsonOptions);
        try
        {
            var root = outer.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Reject(400, "the body is not a JSON object");

            var encrypted = root.TryGetProperty("encrypt", out var encryptValue);
            if (encrypted)
            {
                if (_crypto is null)
                    return Reject(400, "the body is encrypted but this corp has no encryptKey configured");
                if (encryptValue.ValueKind != JsonValueKind.String)
                    return Reject(400, "the 'encrypt' field is not a string");
                var plain = _crypto.Decrypt(encryptValue.GetString()!, out var error, out var wrongKey);
                if (plain is null)
                    return Reject(wrongKey && !signed ? 401 : 400, error!);
                if (!Utf8.IsValid(plain))
                    return Reject(signed ? 400 : 401, "the decrypted body is not valid UTF-8 (a wrong encrypt key?)");
                try
                {
                    inner = JsonDocument.Parse(plain, JsonOptions);
                }
                catch (JsonException)
                {
                    return Reject(signed ? 400 : 401, "the decrypted body is not JSON (a wrong encrypt key?)");
                }

                root = inner.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                    return Reject(400, "the decrypted body is not a JSON object");
            }

            return Classify(root, signed);
        }
        finally
        {
            inner?.Dispose();
        }
    }

    private WebhookResult Classify(JsonElement root, bool signed)
    {
        var isV2 = root.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.String && schema.GetString() == "2.0"
            && root.TryGetProperty("header", out var header) && header.ValueKind == JsonValueKind.Object;
        var type = root.TryGetProperty("type", out var typeValue) && typeValue.ValueKind == JsonValueKind.String ? typeValue.GetString() : null;

        if (!isV2 && type == "url_verification")
        {
            if (!TokenMatches(root))
                return Reject(401, "the verification token does not match the configured verificationToken");
            if (!root.TryGetProperty("challenge", out var challenge) || challenge.ValueKind != JsonValueKind.String)
                return Reject(400, "url_verification without a challenge");
            return new WebhookResult.Challenge(ChallengeJson(challenge.GetString()!));
        }

        if (_crypto is not null && !signed)
            return Reject(401, "an event without X-Lark-Signature while an encrypt key is configured");
        if (_crypto is null && _token is null)
        {
            // Nothing to authenticate the sender with: applying such events would let anyone rewrite the user pool.
            return Reject(401, "events cannot be authenticated: configure encryptKey and/or verificationToken in the corp's auth config");
        }

        var now = _options.Time.GetUtcNow();
        if (isV2)
        {
            return TokenMatches(root.GetProperty("header"))
                ? EventMapper.FromV2(root, now)
                : Reject(401, "header.token does not match the configured verificationToken");
        }

        if (type == "event_callback" || root.TryGetProperty("uuid", out _))
        {
            return TokenMatches(root)
                ? EventMapper.FromV1(root, now)
                : Reject(401, "token does not match the configured verificationToken");
        }

        return Reject(400, "not a Feishu/Lark event (neither schema 2.0, a 1.0 event_callback, nor url_verification)");
    }

    private bool TokenMatches(JsonElement holder)
    {
        if (_token is null)
            return true;
        if (!holder.TryGetProperty("token", out var token) || token.ValueKind != JsonValueKind.String)
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token.GetString()!), _token);
    }

    private static string ChallengeJson(string challenge)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("challenge", challenge);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? Header(WebhookRequest request, string name)
    {
        if (request.Headers.TryGetValue(name, out var value))
            return value;
        foreach (var (key, v) in request.Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                return v;
        }

        return null;
    }

    private static WebhookResult.Rejected Reject(int status, string reason) => new(status, reason);
}
