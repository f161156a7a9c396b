using Corps.Host.Catalog;
using Corps.Host.Elements;
using Corps.Host.Plugins;
using Corps.Host.Tests.Fakes;
using Corps.Host.Tests.Support;

namespace Corps.Host.Tests.Plugins;

public sealed class CorpCatalogTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ElementWriter _elements;

    public CorpCatalogTests() => _elements = new ElementWriter(_temp.Combine("elements"));

    public void Dispose() => _temp.Dispose();

    private CorpCatalog Build(params string[] plugins)
    {
        var pluginsDirectory = TestPlugins.Install(_temp.Combine("plugins"), plugins);
        return CorpCatalog.Create(new ElementLoader().Discover(_elements.Directory), new PluginLoader().LoadAll(pluginsDirectory), UnusedCorpStore.ContextFor);
    }

    [Fact]
    public void Create_EveryKindOfElement_OneEntryEachWithStatus()
    {
        _elements.Add("Good", "test.GoodCorp");
        _elements.Add("Good2", "test.GoodCorp");
        _elements.Add("Contract", "test.OwnContract");
        _elements.Add("Throws", "test.Throwing");
        _elements.Add("Unknown", "test.Nobody");
        _elements.AddRaw("Broken", "{", null);

        var catalog = Build(TestPlugins.GoodCorp, TestPlugins.OwnContractCorp, TestPlugins.ThrowingCorp);

        Assert.Equal(CorpEntryStatus.Ready, catalog.Find("Good")!.Status);
        Assert.Equal(CorpEntryStatus.Ready, catalog.Find("corps.good2")!.Status);
        Assert.NotSame(catalog.Find("Good")!.Corp, catalog.Find("Good2")!.Corp);
        Assert.Equal(CorpEntryStatus.Ready, catalog.Find("Contract")!.Status);
        Assert.Equal(CorpEntryStatus.CreateFailed, catalog.Find("Throws")!.Status);
        Assert.Contains("ThrowingCorp refuses to be created", catalog.Find("Throws")!.Message, StringComparison.Ordinal);
        Assert.Equal(CorpEntryStatus.TypeUnknown, catalog.Find("Unknown")!.Status);
        Assert.Contains("test.GoodCorp", catalog.Find("Unknown")!.Message, StringComparison.Ordinal);
        Assert.Equal(CorpEntryStatus.ElementInvalid, catalog.Find("Broken")!.Status);
        Assert.Equal("corps.Good", catalog.Find("Good")!.Corp!.FullName);
    }

    [Fact]
    public void Create_TypeOfFailedPlugin_PluginFailedWithReason()
    {
        _elements.Add("Good", "test.GoodCorp");
        var plugins = TestPlugins.Install(_temp.Combine("plugins"), TestPlugins.GoodCorp);
        File.WriteAllText(Path.Combine(plugins, "GoodCorp", "plugin.json"), """{ "hostAbi": "9" }""");

        var catalog = CorpCatalog.Create(new ElementLoader().Discover(_elements.Directory), new PluginLoader().LoadAll(plugins), UnusedCorpStore.ContextFor);

        var entry = Assert.Single(catalog.Entries);
        Assert.Equal(CorpEntryStatus.PluginFailed, entry.Status);
        Assert.Contains("host ABI '9'", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoPlugins_TypeUnknownSaysInstallPlugin()
    {
        _elements.Add("Good", "test.GoodCorp");

        var entry = Assert.Single(Build().Entries);

        Assert.Equal(CorpEntryStatus.TypeUnknown, entry.Status);
        Assert.Contains("no plugin is loaded", entry.Message, StringComparison.Ordinal);
    }
}
