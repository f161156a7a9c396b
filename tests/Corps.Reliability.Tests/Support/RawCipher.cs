using System.Security.Cryptography;
using System.Text;

namespace Corps.Reliability.Tests.Support;

/// <summary>Feishu's event encryption over raw bytes (the emulator's cipher takes strings, so it cannot carry invalid UTF-8).</summary>
internal static class RawCipher
{
    public static string Encrypt(byte[] plaintext, string encryptKey = Secrets.EncryptKey)
    {
        using var aes = Aes.Create();
        aes.Key = SHA256.HashData(Encoding.UTF8.GetBytes(encryptKey));
        var iv = RandomNumberGenerator.GetBytes(16);
        return Convert.ToBase64String([.. iv, .. aes.EncryptCbc(plaintext, iv, PaddingMode.PKCS7)]);
    }

    public static byte[] Envelope(string encrypted) => Encoding.UTF8.GetBytes("{\"encrypt\":\"" + encrypted + "\"}");
}
