using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Corps.Emulator.Api;

/// <summary>
/// Opaque page tokens: a cursor (offset) bound to the query it came from (endpoint, app, key parameters), sealed
/// with an HMAC under a per-server key and written in standard base64 like Feishu's. Tampering, or using a token
/// with another query, yields 40012.
/// </summary>
internal sealed class PageTokens
{
    private const int PayloadLength = 21;
    private const int MacLength = 12;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Create(string context, int offset)
    {
        Span<byte> buffer = stackalloc byte[PayloadLength + MacLength];
        buffer[0] = 1;
        BinaryPrimitives.WriteInt32BigEndian(buffer[1..], offset);
        BinaryPrimitives.WriteUInt64BigEndian(buffer[5..], ContextHash(context));
        RandomNumberGenerator.Fill(buffer.Slice(13, 8));
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, buffer[..PayloadLength], mac);
        mac[..MacLength].CopyTo(buffer[PayloadLength..]);
        return Convert.ToBase64String(buffer);
    }

    /// <summary>The offset sealed in <paramref name="token"/>, or null when it is not a token for this query.</summary>
    public int? Read(string token, string context)
    {
        Span<byte> buffer = stackalloc byte[PayloadLength + MacLength + 3];
        if (!Convert.TryFromBase64String(token, buffer, out var written) || written != PayloadLength + MacLength || buffer[0] != 1)
            return null;
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, buffer[..PayloadLength], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac[..MacLength], buffer.Slice(PayloadLength, MacLength))) return null;
        if (BinaryPrimitives.ReadUInt64BigEndian(buffer[5..]) != ContextHash(context)) return null;
        var offset = BinaryPrimitives.ReadInt32BigEndian(buffer[1..]);
        return offset < 0 ? null : offset;
    }

    private static ulong ContextHash(string context)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(context), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }
}
