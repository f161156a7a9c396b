using System.Text;

namespace Corps.Reliability.Tests.Support;

/// <summary>Seeded mutations of real inputs: byte flips, cuts, duplications, JSON-aware token swaps, deep nesting,
/// invalid UTF-8 and oversized strings — the shapes a hostile or broken sender produces.</summary>
internal static class Mutations
{
    private static readonly string[] Tokens =
    [
        "null", "true", "false", "0", "-1", "1e400", "9223372036854775808", "\"\"", "{}", "[]", "\"\\u0000\"", "\"\\ud800\"",
        "\"../../etc/passwd\"", "\"0\"", "\"od-\"", "\"ou_\"", "{\"a\":", "]", "}", "\"" + new string('z', 5000) + "\"",
        "\"contact.user.deleted_v3\"", "\"contact.department.deleted_v3\"", "\"contact.scope.updated_v3\"", "\"2.0\"", "\"1.0\"",
    ];

    public static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        var rounds = 1 + random.Next(3);
        for (var r = 0; r < rounds && bytes.Count > 0; r++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(40)));
                    break;
                case 2:
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(60));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case 3:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 4:
                    ReplaceValue(bytes, random);
                    break;
                case 5:
                    var depth = 10 + random.Next(3000);
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(new string('[', depth) + new string(']', random.Next(2) == 0 ? depth : 0)));
                    break;
                case 6:
                    bytes.InsertRange(at, new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80 }.Take(1 + random.Next(7)));
                    break;
                case 7:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes[at] = (byte)random.Next(256);
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Replaces the value after a random <c>":</c> with a token of another type.</summary>
    private static void ReplaceValue(List<byte> bytes, Random random)
    {
        var colons = new List<int>();
        for (var i = 1; i < bytes.Count; i++)
        {
            if (bytes[i] == (byte)':' && bytes[i - 1] == (byte)'"')
                colons.Add(i);
        }

        if (colons.Count == 0)
            return;
        var start = colons[random.Next(colons.Count)] + 1;
        var end = start;
        var depth = 0;
        var inString = false;
        while (end < bytes.Count)
        {
            var b = bytes[end];
            if (inString)
            {
                if (b == (byte)'\\')
                    end++;
                else if (b == (byte)'"')
                    inString = false;
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }
            else if (b is (byte)'{' or (byte)'[')
            {
                depth++;
            }
            else if (b is (byte)'}' or (byte)']')
            {
                if (depth == 0)
                    break;
                depth--;
            }
            else if (b == (byte)',' && depth == 0)
            {
                break;
            }

            end++;
        }

        bytes.RemoveRange(start, Math.Min(end, bytes.Count) - start);
        bytes.InsertRange(start, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
    }
}
