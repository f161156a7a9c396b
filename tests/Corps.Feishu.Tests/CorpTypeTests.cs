using System.Reflection;
using Corps.Abstractions;
using Corps.Feishu.Client;
using Corps.Feishu.Tests.Fakes;
using Corps.Lark;

namespace Corps.Feishu.Tests;

public sealed class CorpTypeTests
{
    [Fact]
    public void CorpType_FeishuAndLark_DeclaredOncePerAssembly()
    {
        Assert.Equal("corps.FSInnerType", typeof(FeishuCorp).GetCustomAttribute<CorpTypeAttribute>()!.TypeName);
        Assert.Equal("corps.LarkInnerType", typeof(LarkCorp).GetCustomAttribute<CorpTypeAttribute>()!.TypeName);
        Assert.Single(typeof(LarkCorp).Assembly.GetTypes(), t => t.GetCustomAttribute<CorpTypeAttribute>() is not null);
        Assert.Single(typeof(FeishuCorp).Assembly.GetTypes(), t => t.GetCustomAttribute<CorpTypeAttribute>() is not null);
    }

    [Fact]
    public void Constructor_NoBaseUrl_DefaultCloudHosts()
    {
        using var feishu = new FeishuCorp(TestCorps.Context("cli_1", "s"));
        using var lark = new LarkCorp(TestCorps.Context("cli_1", "s", type: "corps.LarkInnerType"));

        Assert.Equal(new Uri("https://open.feishu.cn"), ((FeishuClient)feishu.GetClient()).Options.BaseUrl);
        Assert.Equal(new Uri("https://open.larksuite.com"), lark.Client.Options.BaseUrl);
        Assert.Equal(RateLimit.Documented, lark.Client.Options.RateLimit);
    }

    [Fact]
    public void Constructor_TuningKeys_Applied()
    {
        var settings = new Dictionary<string, string> { ["rateLimit"] = "10/s,300/min", ["maxConcurrency"] = "4", ["maxAttempts"] = "2", ["timeoutSeconds"] = "7" };

        using var corp = new FeishuCorp(TestCorps.Context("cli_1", "s", new Uri("http://127.0.0.1:9"), settings));

        var options = corp.Client.Options;
        Assert.Equal(new RateLimit(10, 300), options.RateLimit);
        Assert.Equal(4, options.MaxConcurrency);
        Assert.Equal(2, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(7), options.AttemptTimeout);
        Assert.Equal(new Uri("http://127.0.0.1:9"), options.BaseUrl);
    }

    [Theory]
    [InlineData("rateLimit", "fast")]
    [InlineData("maxConcurrency", "0")]
    [InlineData("maxAttempts", "many")]
    [InlineData("timeoutSeconds", "9999")]
    public void Constructor_BadTuningKey_ConfigurationErrorNamingFileAndKey(string key, string value)
    {
        var ex = Assert.Throws<CorpException>(() => new FeishuCorp(TestCorps.Context("cli_1", "s", settings: new Dictionary<string, string> { [key] = value })));

        Assert.Equal(CorpErrorKind.Configuration, ex.Kind);
        Assert.Contains("TestCorp.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{key}'", ex.Message, StringComparison.Ordinal);
    }
}
