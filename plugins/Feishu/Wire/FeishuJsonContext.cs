using System.Text.Json;
using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>
/// Source-generated (reflection-free) serialization for every wire shape the plugin reads. Numbers may arrive as
/// strings (the Open API is not consistent about it), so reading them from strings is allowed throughout.
/// </summary>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 64)]
[JsonSerializable(typeof(FeishuEnvelope<JsonElement>))]
[JsonSerializable(typeof(FeishuEnvelope<WireScopePage>))]
[JsonSerializable(typeof(FeishuEnvelope<WireItemsPage<WireDepartment>>))]
[JsonSerializable(typeof(FeishuEnvelope<WireItemsPage<WireUser>>))]
[JsonSerializable(typeof(FeishuEnvelope<WireItemsPage<JsonElement>>))]
[JsonSerializable(typeof(FeishuEnvelope<WireGroupPage>))]
[JsonSerializable(typeof(FeishuEnvelope<WireGroupMemberPage>))]
[JsonSerializable(typeof(FeishuEnvelope<WireTenantData>))]
[JsonSerializable(typeof(FeishuEnvelope<WireDepartmentData>))]
[JsonSerializable(typeof(WireTokenRequest))]
[JsonSerializable(typeof(WireTokenResponse))]
[JsonSerializable(typeof(WireUser))]
[JsonSerializable(typeof(WireDepartment))]
internal sealed partial class FeishuJsonContext : JsonSerializerContext;
