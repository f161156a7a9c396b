using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Corps.Emulator.Events;

namespace Corps.Reliability.Tests.Support;

/// <summary>Posts event bodies the way Feishu does — encrypted and signed with the emulator's own crypto — or
/// deliberately wrong.</summary>
internal static class SignedDelivery
{
    public static HttpRequestMessage Create(string path, string plainJson, string encryptKey = Secrets.EncryptKey, string? signingKey = null,
        DateTimeOffset? sentAt = null) =>
        Signed(path, Encoding.UTF8.GetBytes("{\"encrypt\":\"" + EventCipher.Encrypt(encryptKey, plainJson) + "\"}"), signingKey ?? encryptKey, sentAt);

    public static HttpRequestMessage Signed(string path, byte[] body, string signingKey = Secrets.EncryptKey, DateTimeOffset? sentAt = null)
    {
        var timestamp = (sentAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Lark-Request-Timestamp", timestamp);
        request.Headers.Add("X-Lark-Request-Nonce", nonce);
        request.Headers.Add("X-Lark-Signature", Sign(timestamp, nonce, signingKey, body));
        return request;
    }

    public static string Sign(string timestamp, string nonce, string key, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + nonce + key);
        return Convert.ToHexStringLower(SHA256.HashData([.. prefix, .. body]));
    }

    /// <summary>A schema-2.0 envelope around <paramref name="eventBody"/>.</summary>
    public static string Envelope(string eventId, string eventType, DateTimeOffset createdAt, JsonObject eventBody, string token = Secrets.VerificationToken) =>
        new JsonObject
        {
            ["schema"] = "2.0",
            ["header"] = new JsonObject
            {
                ["event_id"] = eventId,
                ["event_type"] = eventType,
                ["create_time"] = createdAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                ["token"] = token,
                ["app_id"] = Secrets.AppId,
                ["tenant_key"] = "tenant",
            },
            ["event"] = eventBody,
        }.ToJsonString();
}
