using System.Text.Json;
using System.Text.RegularExpressions;
using Corps.Abstractions;
using Quartz;

namespace Corps.Host.Elements;

/// <summary>Reads <c>e.json</c>: title, type, schedule, syncOnStart and guard.</summary>
internal static partial class ElementDefinitionParser
{
    private static readonly string[] _knownKeys = ["title", "type", "schedule", "syncOnStart", "guard"];

    public static ElementDefinition Parse(JsonElement root, JsonValueReader reader)
    {
        var file = reader.File;
        var problems = reader.Problems;
        string? title = null, type = null, schedule = null;
        var syncOnStart = false;
        var guard = DeletionGuardOptions.Default;

        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "title":
                    title = reader.String(property.Value, "title", "\"My Organisation\"");
                    if (title is { Length: 0 })
                        problems.Error(file, "title", "is empty.", "Write \"title\": \"My Organisation\".");
                    break;
                case "type":
                    type = reader.String(property.Value, "type", "\"corps.FSInnerType\"");
                    if (type is not null && !TypeName().IsMatch(type))
                    {
                        problems.Error(file, "type", "is not a corp type name (letters, digits, '.', '_' and '-').",
                            "Write the type a plugin serves, e.g. \"type\": \"corps.FSInnerType\" ('corps list' shows the loaded types).");
                        type = null;
                    }

                    break;
                case "schedule":
                    schedule = reader.String(property.Value, "schedule", "\"0 0 2 * * ?\"");
                    if (schedule is not null && !IsValidCron(schedule))
                    {
                        problems.Error(file, "schedule", "is not a valid Quartz cron expression.",
                            "Write seconds, minutes, hours, day of month, month, day of week, e.g. \"schedule\": \"0 0 2 * * ?\" (daily at 02:00).");
                        schedule = null;
                    }

                    break;
                case "syncOnStart":
                    syncOnStart = reader.Boolean(property.Value, "syncOnStart") ?? false;
                    break;
                case "guard":
                    guard = GuardParser.Parse(property.Value, reader) ?? guard;
                    break;
                default:
                    problems.Warning(file, property.Name, "is not one of the host's keys and is left to the corp type.",
                        $"If it is a typo, use one of: {string.Join(", ", _knownKeys)}.");
                    break;
            }
        }

        if (!root.TryGetProperty("title", out _))
            problems.Error(file, "title", "is missing.", "Add \"title\": \"My Organisation\".");
        if (!root.TryGetProperty("type", out _))
            problems.Error(file, "type", "is missing.", "Add \"type\": \"corps.FSInnerType\" (or another type 'corps list' shows).");

        return new ElementDefinition(title, type, schedule, syncOnStart, guard);
    }

    private static bool IsValidCron(string expression)
    {
        try
        {
            _ = new CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeName();
}
