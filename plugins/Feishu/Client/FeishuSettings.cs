using System.Globalization;
using Corps.Abstractions;

namespace Corps.Feishu.Client;

/// <summary>Reads a <see cref="FeishuClientOptions"/> from an element: its auth config and the optional tuning keys.</summary>
/// <remarks>
/// Tuning keys in <c>&lt;Name&gt;.json</c> (all optional): <c>rateLimit</c> (<c>off</c>, or e.g. <c>50/s,1000/min</c>),
/// <c>maxConcurrency</c> (1–64), <c>maxAttempts</c> (1–20), <c>timeoutSeconds</c> (one attempt, 1–600).
/// </remarks>
public static class FeishuSettings
{
    /// <summary>The auth-config key of the rate limit.</summary>
    public const string RateLimitKey = "rateLimit";

    /// <summary>The auth-config key of the concurrency bound.</summary>
    public const string MaxConcurrencyKey = "maxConcurrency";

    /// <summary>The auth-config key of the attempt bound.</summary>
    public const string MaxAttemptsKey = "maxAttempts";

    /// <summary>The auth-config key of the per-attempt timeout.</summary>
    public const string TimeoutSecondsKey = "timeoutSeconds";

    /// <summary>Builds the client options for <paramref name="element"/> on <paramref name="cloud"/>.</summary>
    /// <exception cref="CorpException">A tuning key has a bad value (the message names the file and the key).</exception>
    public static FeishuClientOptions ToClientOptions(CorpElement element, FeishuCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(cloud);
        var auth = element.Auth;
        var file = Path.Combine(element.Directory, element.Name + ".json");
        var settings = auth.Settings;

        var rateLimit = RateLimit.Documented;
        if (settings.TryGetValue(RateLimitKey, out var rateText) && !RateLimit.TryParse(rateText, out rateLimit))
            throw Bad(file, RateLimitKey, rateText, "'off', 'documented' or limits such as '50/s,1000/min'");

        return new FeishuClientOptions
        {
            BaseUrl = auth.BaseUrl ?? cloud.DefaultBaseUrl,
            AppId = auth.AppId,
            AppSecret = auth.AppSecret,
            CloudName = cloud.Name,
            CorpName = element.FullName,
            CredentialsFile = file,
            RateLimit = rateLimit,
            MaxConcurrency = ReadInt(settings, MaxConcurrencyKey, 8, 1, 64, file),
            MaxAttempts = ReadInt(settings, MaxAttemptsKey, 5, 1, 20, file),
            AttemptTimeout = TimeSpan.FromSeconds(ReadInt(settings, TimeoutSecondsKey, 30, 1, 600, file)),
        };
    }

    private static int ReadInt(IReadOnlyDictionary<string, string> settings, string key, int fallback, int min, int max, string file)
    {
        if (!settings.TryGetValue(key, out var text))
            return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Bad(file, key, text, $"a whole number from {min} to {max}");
    }

    private static CorpException Bad(string file, string key, string? value, string expected) =>
        new(CorpErrorKind.Configuration, $"{file}: '{key}' is '{value}', which is not {expected}.",
            $"Fix or remove '{key}' in {file}.");
}
