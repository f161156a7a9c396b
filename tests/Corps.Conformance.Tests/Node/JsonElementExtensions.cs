using System.Text.Json;

namespace Corps.Conformance.Tests.Node;

/// <summary>Short reads of scenario results.</summary>
internal static class JsonElementExtensions
{
    public static string[] Strings(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    public static string[] Strings(this JsonElement element, string arrayProperty, string itemProperty) =>
        [.. element.GetProperty(arrayProperty).EnumerateArray().Select(e => e.GetProperty(itemProperty).GetString()!)];

    public static int? Int(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    public static string? String(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool? Bool(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    /// <summary>The errors the SDK logged while the scenario ran; an iterator that hit a failed page only logs it.</summary>
    public static string SdkErrors(this JsonElement result) => result.GetProperty("sdkErrors").ToString();

    public static void AssertNoSdkErrors(this JsonElement result) =>
        Assert.True(result.GetProperty("sdkErrors").GetArrayLength() == 0, "The SDK logged errors: " + result.SdkErrors());
}
