using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Corps.Emulator.Org;

/// <summary>The organisation file's JSON metadata, writing CJK and symbols as raw UTF-8 so the file stays readable.</summary>
internal static class OrgJson
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        TypeInfoResolver = OrgJsonContext.Default,
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static JsonTypeInfo<OrgDocument> Document { get; } = (JsonTypeInfo<OrgDocument>)s_options.GetTypeInfo(typeof(OrgDocument));
}
