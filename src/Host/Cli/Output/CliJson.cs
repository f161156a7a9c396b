using System.Text.Json;
using System.Text.Json.Serialization;

namespace Corps.Host.Cli.Output;

/// <summary>The one JSON style of the CLI: camelCase, enums as camelCase strings, indented, nulls kept.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(TextWriter output, T document)
    {
        output.WriteLine(JsonSerializer.Serialize(document, Options));
        output.Flush();
    }
}
