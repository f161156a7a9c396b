using System.Text.Json;
using Corps.Abstractions;

namespace Corps.Host.Elements;

/// <summary>Reads the <c>guard</c> object of <c>e.json</c>.</summary>
internal static class GuardParser
{
    public static DeletionGuardOptions? Parse(JsonElement value, JsonValueReader reader)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            reader.Problems.Error(reader.File, "guard", $"must be an object, not {ElementFileReader.Describe(value.ValueKind)}.",
                "Write \"guard\": { \"maxOfflines\": 500, \"maxOfflinePercent\": 10, \"minOfflinesForPercent\": 10 }.");
            return null;
        }

        var guard = DeletionGuardOptions.Default;
        foreach (var property in value.EnumerateObject())
        {
            var key = "guard." + property.Name;
            switch (property.Name)
            {
                case "maxOfflines":
                    guard = reader.Integer(property.Value, key, 0) is { } max ? guard with { MaxOfflines = max } : guard;
                    break;
                case "maxOfflinePercent":
                    guard = reader.Percent(property.Value, key) is { } percent ? guard with { MaxOfflinePercent = percent } : guard;
                    break;
                case "minOfflinesForPercent":
                    guard = reader.Integer(property.Value, key, 0) is { } min ? guard with { MinOfflinesForPercent = min } : guard;
                    break;
                default:
                    reader.Problems.Warning(reader.File, key, "is not a guard setting and is ignored.",
                        "Use maxOfflines, maxOfflinePercent or minOfflinesForPercent.");
                    break;
            }
        }

        return guard;
    }
}
