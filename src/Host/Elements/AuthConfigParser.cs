using System.Text.Json;
using Corps.Abstractions;

namespace Corps.Host.Elements;

/// <summary>Reads an element's auth config (<c>&lt;Name&gt;.json</c>) into a <see cref="CorpAuthConfig"/>.</summary>
internal static class AuthConfigParser
{
    private static readonly string[] _secretMarkers = ["secret", "key", "token", "password"];

    public static CorpAuthConfig? Parse(JsonElement root, string elementName, JsonValueReader reader)
    {
        var file = reader.File;
        var problems = reader.Problems;
        var envPrefix = EnvironmentPrefix(elementName);
        string? appId = null;
        Secret? appSecret = null, encryptKey = null, verificationToken = null;
        Uri? baseUrl = null;
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var secrets = new SortedDictionary<string, Secret>(StringComparer.Ordinal);

        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "appId":
                    appId = reader.String(property.Value, "appId", "\"cli_a1b2c3\"");
                    break;
                case "appSecret":
                    appSecret = ToSecret(reader.String(property.Value, "appSecret", $"\"${{env:{envPrefix}_APP_SECRET}}\""));
                    break;
                case "encryptKey":
                    encryptKey = ToSecret(reader.String(property.Value, "encryptKey", $"\"${{env:{envPrefix}_ENCRYPT_KEY}}\""));
                    break;
                case "verificationToken":
                    verificationToken = ToSecret(reader.String(property.Value, "verificationToken", $"\"${{env:{envPrefix}_VERIFICATION_TOKEN}}\""));
                    break;
                case "baseUrl":
                    baseUrl = ParseBaseUrl(reader.String(property.Value, "baseUrl", "\"https://open.feishu.cn\""), file, problems);
                    break;
                default:
                    var text = reader.Scalar(property.Value, property.Name);
                    if (text is null)
                        break;
                    if (IsSecretName(property.Name))
                        secrets[property.Name] = new Secret(text);
                    else
                        settings[property.Name] = text;
                    break;
            }
        }

        if (!root.TryGetProperty("appId", out _))
            problems.Error(file, "appId", "is missing.", "Add \"appId\": \"cli_…\" (the app id from the developer console).");
        else if (appId is { Length: 0 })
            problems.Error(file, "appId", "is empty.", "Write the app id from the developer console.");

        if (!root.TryGetProperty("appSecret", out _))
            problems.Error(file, "appSecret", "is missing.", $"Add \"appSecret\": \"${{env:{envPrefix}_APP_SECRET}}\".");
        else if (appSecret is { IsEmpty: true })
            problems.Error(file, "appSecret", "is empty.", $"Set {envPrefix}_APP_SECRET (or the variable it names) to the app secret.");

        if (appId is not { Length: > 0 } || appSecret is null or { IsEmpty: true } || problems.HasErrors)
            return null;

        return new CorpAuthConfig
        {
            AppId = appId,
            AppSecret = appSecret,
            BaseUrl = baseUrl,
            EncryptKey = encryptKey,
            VerificationToken = verificationToken,
            Settings = settings,
            Secrets = secrets,
        };
    }

    /// <summary>True for key names that hold credentials and must be masked everywhere.</summary>
    public static bool IsSecretName(string key) =>
        _secretMarkers.Any(marker => key.Contains(marker, StringComparison.OrdinalIgnoreCase));

    /// <summary>The environment variable prefix suggested for an element, e.g. <c>ACME</c> for <c>Acme</c>.</summary>
    public static string EnvironmentPrefix(string elementName) =>
        new(elementName.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray());

    private static Secret? ToSecret(string? value) => value is null ? null : new Secret(value);

    private static Uri? ParseBaseUrl(string? text, string file, ProblemCollector problems)
    {
        if (text is null)
            return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0)
            return uri;
        problems.Error(file, "baseUrl", "must be an absolute http or https URL without credentials.",
            "Write e.g. \"baseUrl\": \"http://127.0.0.1:5080\" or remove it to use the type's default.");
        return null;
    }
}
