using Corps.Integration.Tests.Feishu.Support;

namespace Corps.Integration.Tests.Feishu;

/// <summary>The sample elements app builders copy (<c>elements/corps/</c>) load with the real loader and plugins.</summary>
public sealed class SampleElementTests
{
    private static string RepositoryElements()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Framework.sln")))
                return Path.Combine(directory.FullName, "elements");
        }

        throw new InvalidOperationException("The repository root (Framework.sln) is not above the test output.");
    }

    [Fact]
    public async Task List_SampleElementsWithTheirVariablesSet_BothReady()
    {
        await using var harness = new CorpsHarness();
        harness.SetEnvironment("FEISHU_APP_ID", "cli_a1b2c3d4e5f60718");
        harness.SetEnvironment("FEISHU_APP_SECRET", "sample-feishu-secret-value");
        harness.SetEnvironment("LARK_APP_ID", "cli_0f1e2d3c4b5a6978");
        harness.SetEnvironment("LARK_APP_SECRET", "sample-lark-secret-value");

        var result = await harness.RunAsync("list", "--json", "--elements", RepositoryElements());

        Assert.True(result.ExitCode == 0, result.ToString());
        var corps = result.Json.GetProperty("corps").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal("corps.FSInnerType", corps["MyFeishuCorp"].GetProperty("type").GetString());
        Assert.Equal("corps.LarkInnerType", corps["MyLarkCorp"].GetProperty("type").GetString());
        Assert.All(corps.Values, c =>
        {
            Assert.Equal("ready", c.GetProperty("status").GetString());
            Assert.Empty(c.GetProperty("problems").EnumerateArray());
        });
    }

    [Fact]
    public async Task List_SampleElementsWithoutTheirVariables_InvalidNamingTheVariable()
    {
        await using var harness = new CorpsHarness();

        var result = await harness.RunAsync("list", "--json", "--elements", RepositoryElements());

        Assert.Equal(2, result.ExitCode);
        var feishu = result.Json.GetProperty("corps").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "MyFeishuCorp");
        Assert.Equal("elementInvalid", feishu.GetProperty("status").GetString());
        Assert.Contains(feishu.GetProperty("problems").EnumerateArray(), p => p.GetProperty("message").GetString()!.Contains("FEISHU_APP", StringComparison.Ordinal));
    }
}
