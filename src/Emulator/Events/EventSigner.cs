using System.Security.Cryptography;
using System.Text;

namespace Corps.Emulator.Events;

/// <summary>The <c>X-Lark-Signature</c>: lowercase hex SHA-256 of timestamp + nonce + encrypt key + raw body.</summary>
public static class EventSigner
{
    /// <summary>Computes the signature.</summary>
    public static string Sign(string timestamp, string nonce, string encryptKey, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(timestamp + nonce + encryptKey + body)));
}
