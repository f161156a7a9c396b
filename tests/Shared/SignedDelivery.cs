using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Corps.Emulator.Events;

namespace Corps.Tests.Shared;

/// <summary>Event deliveries for one corp's keys, the way Feishu sends them — encrypted and signed with the emulator's
/// own crypto — or deliberately wrong, for the cases the emulator never produces.</summary>
internal sealed class SignedDelivery(string encryptKey, string verificationToken, string appId)
{
    /// <summary><paramref name="plainJson"/> encrypted with <paramref name="withEncryptKey"/> (default: the corp's key)
    /// and signed with <paramref name="signingKey"/> (default: the key it was encrypted with).</summary>
    public HttpRequestMessage Create(string path, string plainJson, string? withEncryptKey = null, string? signingKey = null, DateTimeOffset? sentAt = null)
    {
        var key = withEncryptKey ?? encryptKey;
        return Signed(path, Encoding.UTF8.GetBytes("{\"encrypt\":\"" + EventCipher.Encrypt(key, plainJson) + "\"}"), signingKey ?? key, sentAt);
    }

    /// <summary><paramref name="body"/> as it is, signed.</summary>
    public HttpRequestMessage Signed(string path, string body, string? signingKey = null, DateTimeOffset? sentAt = null) =>
        Signed(path, Encoding.UTF8.GetBytes(body), signingKey, sentAt);

    /// <summary><paramref name="body"/> as it is, signed.</summary>
    public HttpRequestMessage Signed(string path, byte[] body, string? signingKey = null, DateTimeOffset? sentAt = null)
    {
        var timestamp = (sentAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Lark-Request-Timestamp", timestamp);
        request.Headers.Add("X-Lark-Request-Nonce", nonce);
        request.Headers.Add("X-Lark-Signature", Sign(timestamp, nonce, signingKey ?? encryptKey, body));
        return request;
    }

    /// <summary>A schema-2.0 envelope around <paramref name="eventBody"/>, with the corp's verification token unless
    /// <paramref name="token"/> says otherwise.</summary>
    public string Envelope(string eventId, string eventType, DateTimeOffset createdAt, JsonObject eventBody, string? token = null) =>
        new JsonObject
        {
            ["schema"] = "2.0",
            ["header"] = new JsonObject
            {
                ["event_id"] = eventId,
                ["event_type"] = eventType,
                ["create_time"] = createdAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                ["token"] = token ?? verificationToken,
                ["app_id"] = appId,
                ["tenant_key"] = "tenant",
            },
            ["event"] = eventBody,
        }.ToJsonString();

    private static string Sign(string timestamp, string nonce, string key, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + nonce + key);
        return Convert.ToHexStringLower(SHA256.HashData([.. prefix, .. body]));
    }
}
