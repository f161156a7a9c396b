namespace Corps.Feishu.Client;

/// <summary>The two clouds the same Open Platform runs on.</summary>
/// <param name="Name">The product name used in messages.</param>
/// <param name="DefaultBaseUrl">The Open API host.</param>
/// <param name="ConsoleName">Where the app is configured, for fixes.</param>
public sealed record FeishuCloud(string Name, Uri DefaultBaseUrl, string ConsoleName)
{
    /// <summary>Feishu (mainland China).</summary>
    public static FeishuCloud Feishu { get; } = new("Feishu", new Uri("https://open.feishu.cn"), "the Feishu developer console");

    /// <summary>Lark (international).</summary>
    public static FeishuCloud Lark { get; } = new("Lark", new Uri("https://open.larksuite.com"), "the Lark developer console");
}
