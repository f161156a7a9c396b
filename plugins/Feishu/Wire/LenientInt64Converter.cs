using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>
/// Reads an integer given as a number or as a string (department <c>order</c> is a string in reads and a number in
/// events). A value that is neither reads as null rather than failing the whole page: an odd sort key is not worth a
/// failed sync.
/// </summary>
internal sealed class LenientInt64Converter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var number))
                    return number;
                return reader.TryGetDouble(out var real) && Math.Abs(real) < long.MaxValue ? (long)real : null;
            case JsonTokenType.String:
                var span = reader.HasValueSequence ? BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
                return Utf8Parser.TryParse(span, out long parsed, out var consumed) && consumed == span.Length ? parsed : null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } v)
            writer.WriteNumberValue(v);
        else
            writer.WriteNullValue();
    }
}
