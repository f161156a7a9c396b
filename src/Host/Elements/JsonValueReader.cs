using System.Globalization;
using System.Text.Json;

namespace Corps.Host.Elements;

/// <summary>Typed reads of one element file's keys, each failure reported with the file, the key and the fix.</summary>
internal sealed class JsonValueReader
{
    private readonly string _file;
    private readonly ProblemCollector _problems;
    private readonly EnvironmentReferences _environment;

    public JsonValueReader(string file, ProblemCollector problems, EnvironmentReferences environment)
    {
        _file = file;
        _problems = problems;
        _environment = environment;
    }

    public string File => _file;

    public ProblemCollector Problems => _problems;

    /// <summary>A string value with <c>${env:VAR}</c> resolved; null when absent or wrong (reported).</summary>
    public string? String(JsonElement value, string key, string example)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            _problems.Error(_file, key, $"must be a string, not {ElementFileReader.Describe(value.ValueKind)}.", $"Write \"{key}\": {example}.");
            return null;
        }

        return _environment.Resolve(value.GetString()!, _file, key, _problems);
    }

    /// <summary>A scalar (string, number or boolean) as text, for keys the host passes on to the corp type.</summary>
    public string? Scalar(JsonElement value, string key) => value.ValueKind switch
    {
        JsonValueKind.String => _environment.Resolve(value.GetString()!, _file, key, _problems),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => Wrong(key, value.ValueKind),
    };

    public bool? Boolean(JsonElement value, string key)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return value.GetBoolean();
        _problems.Error(_file, key, $"must be true or false, not {ElementFileReader.Describe(value.ValueKind)}.", $"Write \"{key}\": true.");
        return null;
    }

    public int? Integer(JsonElement value, string key, int min)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min)
            return number;
        _problems.Error(_file, key, $"must be a whole number of at least {min.ToString(CultureInfo.InvariantCulture)}.", $"Write \"{key}\": {Math.Max(min, 10).ToString(CultureInfo.InvariantCulture)}.");
        return null;
    }

    public double? Percent(JsonElement value, string key)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number is >= 0 and <= 100)
            return number;
        _problems.Error(_file, key, "must be a number from 0 to 100 (a percentage).", $"Write \"{key}\": 10.");
        return null;
    }

    private string? Wrong(string key, JsonValueKind kind)
    {
        _problems.Error(_file, key, $"must be a string, number or boolean, not {ElementFileReader.Describe(kind)}.", $"Write \"{key}\": \"value\".");
        return null;
    }
}
