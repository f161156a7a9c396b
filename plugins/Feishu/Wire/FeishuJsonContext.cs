using System.Text.Json;
using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>
/// Source-generated (reflection-free) serialization for every wire shape the plugin reads. Numbers may arrive as
/// strings (the Open API is not consistent about it), so reading them from strings is allowed throughout.
/// </summary>
/// <remarks>The internal wire classes have setters, not <c>init</c>: the generator reads init-only properties through its
/// constructor-argument path, which buffers (and boxes) every field of every object before creating it — for a 100,000
/// person fetch, the largest part of the JSON work.</remarks>
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
