using System.Security.Cryptography;
using System.Text;

namespace Corps.Emulator.Events;

/// <summary>
/// Feishu's event encryption: key = SHA-256 of the Encrypt Key string; AES-256-CBC with PKCS#7; the random IV is
/// prepended to the cipher text; the whole is standard base64 (reference §5).
/// </summary>
public static class EventCipher
{
    /// <summary>Encrypts <paramref name="plaintext"/> with a random IV (or <paramref name="iv"/> for test vectors).</summary>
    public static string Encrypt(string encryptKey, string plaintext, byte[]? iv = null)
    {
        ArgumentNullException.ThrowIfNull(encryptKey);
        ArgumentNullException.ThrowIfNull(plaintext);
        using var aes = Aes.Create();
        aes.Key = SHA256.HashData(Encoding.UTF8.GetBytes(encryptKey));
        var vector = iv ?? RandomNumberGenerator.GetBytes(16);
        var cipher = aes.EncryptCbc(Encoding.UTF8.GetBytes(plaintext), vector, PaddingMode.PKCS7);
        var blob = new byte[16 + cipher.Length];
        vector.CopyTo(blob, 0);
        cipher.CopyTo(blob, 16);
        return Convert.ToBase64String(blob);
    }

    /// <summary>Decrypts what <see cref="Encrypt"/> (or Feishu) produced.</summary>
    /// <exception cref="CryptographicException">Wrong key or corrupted data.</exception>
    /// <exception cref="FormatException">Not base64.</exception>
    public static string Decrypt(string encryptKey, string encrypted)
    {
        ArgumentNullException.ThrowIfNull(encryptKey);
        ArgumentNullException.ThrowIfNull(encrypted);
        var blob = Convert.FromBase64String(encrypted);
        if (blob.Length < 32) throw new CryptographicException("Encrypted event is shorter than an IV and one block.");
        using var aes = Aes.Create();
        aes.Key = SHA256.HashData(Encoding.UTF8.GetBytes(encryptKey));
        return Encoding.UTF8.GetString(aes.DecryptCbc(blob.AsSpan(16), blob.AsSpan(0, 16), PaddingMode.PKCS7));
    }
}
