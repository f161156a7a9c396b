using System.Text.Encodings.Web;
using System.Text.Json;

namespace Corps.Emulator.Json;

/// <summary>Writer options matching Feishu's output: raw UTF-8 (no \u escapes for CJK, '+' or '&amp;'), compact.</summary>
internal static class JsonWriting
{
    public static JsonWriterOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
