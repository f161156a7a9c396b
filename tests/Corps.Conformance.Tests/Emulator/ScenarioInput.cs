using Corps.Emulator.Options;

namespace Corps.Conformance.Tests.Emulator;

/// <summary>Builds a scenario's input: where the emulator is, which app to be, plus scenario parameters.</summary>
internal static class ScenarioInput
{
    public static Dictionary<string, object?> For(Uri baseUrl, AppOptions app, object? parameters = null)
    {
        var input = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["baseUrl"] = baseUrl.ToString(),
            ["app"] = new { appId = app.AppId, appSecret = app.AppSecret },
        };
        if (parameters is not null)
        {
            foreach (var property in parameters.GetType().GetProperties())
            {
                input[property.Name] = property.GetValue(parameters);
            }
        }

        return input;
    }
}
