using Corps.Abstractions;
using Corps.Feishu.Client;
using Corps.Feishu.Tests.Fakes;

namespace Corps.Feishu.Tests.Client;

/// <summary>Clients over a fake handler, with delays short enough for unit tests.</summary>
internal static class ClientFactory
{
    public const string Secret = "s3cr3t-app-secret-value";

    public static FeishuClientOptions Options(RateLimit? rateLimit = null) => new()
    {
        BaseUrl = new Uri("http://feishu.test"),
        AppId = "cli_0123456789abcdef",
        AppSecret = new Secret(Secret),
        CorpName = "corps.TestCorp",
        CredentialsFile = "elements/corps/TestCorp/TestCorp.json",
        RateLimit = rateLimit ?? RateLimit.Off,
        BackoffBase = TimeSpan.FromMilliseconds(2),
        BackoffMax = TimeSpan.FromMilliseconds(20),
        MaxRateLimitWait = TimeSpan.FromMilliseconds(300),
        AttemptTimeout = TimeSpan.FromSeconds(5),
    };

    public static FeishuClient Create(FakeHttpHandler handler, FeishuClientOptions? options = null) => new(options ?? Options(), handler);
}
