using System.Security.Cryptography;
using System.Text;
using Corps.Abstractions;

namespace Corps.Feishu.Tests.Events;

/// <summary>Builds deliveries the way the Open Platform sends them: encrypted, signed.</summary>
internal static class EventBuilder
{
    public static string Encrypt(string encryptKey, string plaintext, byte[]? iv = null)
    {
        using var aes = Aes.Create();
        aes.Key = SHA256.HashData(Encoding.UTF8.GetBytes(encryptKey));
        iv ??= RandomNumberGenerator.GetBytes(16);
        var cipher = aes.EncryptCbc(Encoding.UTF8.GetBytes(plaintext), iv, PaddingMode.PKCS7);
        return Convert.ToBase64String([.. iv, .. cipher]);
    }

    public static string EncryptedBody(string encryptKey, string plaintext) => $$"""{"encrypt":"{{Encrypt(encryptKey, plaintext)}}"}""";

    public static string Sign(string timestamp, string nonce, string encryptKey, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(timestamp + nonce + encryptKey + body)));

    public static WebhookRequest Plain(string body) => new(new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    public static WebhookRequest Signed(string body, string encryptKey, DateTimeOffset sentAt, string nonce = "n0nce")
    {
        var ts = sentAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new WebhookRequest(
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["X-Lark-Request-Timestamp"] = ts,
                ["X-Lark-Request-Nonce"] = nonce,
                ["X-Lark-Signature"] = Sign(ts, nonce, encryptKey, body),
            },
            Encoding.UTF8.GetBytes(body));
    }

    public static string V2(string eventType, string eventJson, string token = "vt", string createTime = "1700000000000", string eventId = "ev-1") =>
        $$"""{"schema":"2.0","header":{"event_id":"{{eventId}}","event_type":"{{eventType}}","create_time":"{{createTime}}","token":"{{token}}","app_id":"cli_x","tenant_key":"tk-1"},"event":{{eventJson}}}""";
}
