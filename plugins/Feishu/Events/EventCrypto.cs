using System.Security.Cryptography;
using System.Text;

namespace Corps.Feishu.Events;

/// <summary>
/// The event subscription's cryptography: AES-256-CBC decryption of <c>{"encrypt":…}</c> bodies (key = SHA-256 of the
/// encrypt key, IV = the blob's first 16 bytes, PKCS#7) and the <c>X-Lark-Signature</c> check.
/// </summary>
internal sealed class EventCrypto
{
    private readonly byte[] _aesKey;
    private readonly byte[] _encryptKey;

    public EventCrypto(string encryptKey)
    {
        _encryptKey = Encoding.UTF8.GetBytes(encryptKey);
        _aesKey = SHA256.HashData(_encryptKey);
    }

    /// <summary>Decrypts an <c>encrypt</c> value.</summary>
    /// <returns>The plaintext, or null with <paramref name="error"/> and whether the key is the likely culprit.</returns>
    public byte[]? Decrypt(string encrypted, out string? error, out bool wrongKey)
    {
        wrongKey = false;
        var blob = new byte[(encrypted.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(encrypted, blob, out var length))
        {
            error = "the 'encrypt' field is not valid base64";
            return null;
        }

        if (length < 32 || (length - 16) % 16 != 0)
        {
            error = "the 'encrypt' field is not an IV followed by whole AES blocks";
            return null;
        }

        try
        {
            using var aes = Aes.Create();
            aes.Key = _aesKey;
            var plain = aes.DecryptCbc(blob.AsSpan(16, length - 16), blob.AsSpan(0, 16), PaddingMode.PKCS7);
            error = null;
            return plain;
        }
        catch (CryptographicException)
        {
            // Bad padding after decryption almost always means another key encrypted it.
            error = "the 'encrypt' field does not decrypt with the configured encrypt key (bad padding)";
            wrongKey = true;
            return null;
        }
    }

    /// <summary>True when <paramref name="signature"/> is hex SHA-256(timestamp + nonce + encrypt key + raw body).</summary>
    public bool VerifySignature(string timestamp, string nonce, ReadOnlySpan<byte> body, string signature)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + nonce);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(prefix);
        hash.AppendData(_encryptKey);
        hash.AppendData(body);
        var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(hash.GetHashAndReset()));
        var given = Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
