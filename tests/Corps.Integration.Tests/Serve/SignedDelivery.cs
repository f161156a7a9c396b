using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Corps.Emulator.Events;

namespace Corps.Integration.Tests.Serve;

/// <summary>Posts event bodies to the service the way Feishu does — encrypted and signed with the emulator's own
/// crypto — or deliberately wrong, for the cases the emulator never produces.</summary>
internal static class SignedDelivery
{
    public static HttpRequestMessage Create(string path, string plainJson, string encryptKey, string? signingKey = null, DateTimeOffset? sentAt = null)
    {
        var body = "{\"encrypt\":\"" + EventCipher.Encrypt(encryptKey, plainJson) + "\"}";
        return Signed(path, body, signingKey ?? encryptKey, sentAt);
    }

    public static HttpRequestMessage Signed(string path, string body, string signingKey, DateTimeOffset? sentAt = null)
    {
        var timestamp = (sentAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Lark-Request-Timestamp", timestamp);
        request.Headers.Add("X-Lark-Request-Nonce", nonce);
        request.Headers.Add("X-Lark-Signature", EventSigner.Sign(timestamp, nonce, signingKey, body));
        return request;
    }

    /// <summary>A schema-2.0 envelope around <paramref name="eventBody"/>.</summary>
    public static string Envelope(string eventId, string eventType, string token, DateTimeOffset createdAt, JsonObject eventBody) =>
        new JsonObject
        {
            ["schema"] = "2.0",
            ["header"] = new JsonObject
            {
                ["event_id"] = eventId,
                ["event_type"] = eventType,
                ["create_time"] = createdAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                ["token"] = token,
                ["app_id"] = EmulatorAdmin.AppId,
                ["tenant_key"] = "tenant",
            },
            ["event"] = eventBody,
        }.ToJsonString();
}
