using Corps.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corps.Feishu.Tests.Fakes;

/// <summary>Builds corp contexts for tests.</summary>
public static class TestCorps
{
    public static CorpContext Context(string appId, string appSecret, Uri? baseUrl = null, IReadOnlyDictionary<string, string>? settings = null,
        string? encryptKey = null, string? verificationToken = null, string type = "corps.FSInnerType", TimeProvider? time = null) => new()
    {
        Element = new CorpElement
        {
            Name = "TestCorp",
            Title = "Test Corp",
            Type = type,
            Directory = Path.Combine(Path.GetTempPath(), "elements", "corps", "TestCorp"),
            Auth = new CorpAuthConfig
            {
                AppId = appId,
                AppSecret = new Secret(appSecret),
                BaseUrl = baseUrl,
                EncryptKey = encryptKey is null ? null : new Secret(encryptKey),
                VerificationToken = verificationToken is null ? null : new Secret(verificationToken),
                Settings = settings ?? new Dictionary<string, string>(),
            },
        },
        Store = new UnusedCorpStore(),
        Sync = new UnusedCorpSync(),
        LoggerFactory = NullLoggerFactory.Instance,
        Time = time ?? TimeProvider.System,
    };
}
