using System.Runtime.CompilerServices;
using Corps.Abstractions;
using Corps.Host.Plugins;
using Corps.Host.Tests.Support;

namespace Corps.Host.Tests.Plugins;

public sealed class PluginLoaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Plugins => _temp.Combine("plugins");

    private IReadOnlyList<LoadedPlugin> LoadAll() => new PluginLoader().LoadAll(Plugins);

    [Fact]
    public void LoadAll_GoodPlugin_LoadedWithItsCorpType()
    {
        TestPlugins.Install(Plugins, TestPlugins.GoodCorp);

        var plugin = Assert.Single(LoadAll());

        Assert.Equal(PluginStatus.Loaded, plugin.Status);
        Assert.Equal("GoodCorp", plugin.Name);
        var type = Assert.Single(plugin.CorpTypes);
        Assert.Equal("test.GoodCorp", type.Key);
        Assert.True(typeof(ICorp).IsAssignableFrom(type.Value));
    }

    [Fact]
    public void LoadAll_PluginShipsOwnContract_HostContractWins()
    {
        TestPlugins.Install(Plugins, TestPlugins.OwnContractCorp);
        Assert.True(File.Exists(Path.Combine(Plugins, "OwnContractCorp", "Corps.Abstractions.dll")));

        var plugin = Assert.Single(LoadAll());

        Assert.Equal(PluginStatus.Loaded, plugin.Status);
        var type = plugin.CorpTypes["test.OwnContract"];
        Assert.Same(typeof(ICorp).Assembly, type.BaseType!.Assembly);
        Assert.True(typeof(CorpBase).IsAssignableFrom(type));
        var corp = (ICorp)Activator.CreateInstance(type, Fakes.UnusedCorpStore.ContextFor(SampleElement("Own", "test.OwnContract")))!;
        Assert.Equal("corps.Own", corp.FullName);
        // The plugin's own copies of the contract and the logging abstractions were never loaded into its context.
        Assert.DoesNotContain(plugin.LoadContext!.Assemblies, assembly =>
            assembly.GetName().Name is "Corps.Abstractions" or "Microsoft.Extensions.Logging.Abstractions");
        Assert.Equal(typeof(ICorp).Assembly.Location, corp.GetClient());
    }

    [Fact]
    public void LoadAll_PluginWithOwnDependency_ResolvesFromPluginFolder()
    {
        TestPlugins.Install(Plugins, TestPlugins.DependencyCorp);

        var plugin = Assert.Single(LoadAll());
        var corp = (ICorp)Activator.CreateInstance(plugin.CorpTypes["test.Dependency"], Fakes.UnusedCorpStore.ContextFor(SampleElement("Dep", "test.Dependency")))!;

        Assert.Equal("DependencyLib", corp.GetClient());
        Assert.Null(AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(assembly =>
            assembly.GetName().Name == "DependencyLib" && System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(assembly) == System.Runtime.Loader.AssemblyLoadContext.Default));
    }

    [Fact]
    public void LoadAll_MainAssemblyMissing_FailedWithFix()
    {
        Directory.CreateDirectory(Path.Combine(Plugins, "Empty"));

        var plugin = Assert.Single(LoadAll());

        Assert.Equal(PluginStatus.Failed, plugin.Status);
        Assert.Contains("main assembly Empty.dll is missing", plugin.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_GarbageAssembly_FailedAndOthersLoad()
    {
        TestPlugins.Install(Plugins, TestPlugins.GoodCorp);
        Directory.CreateDirectory(Path.Combine(Plugins, "Garbage"));
        File.WriteAllText(Path.Combine(Plugins, "Garbage", "Garbage.dll"), "this is not a PE file");

        var plugins = LoadAll();

        Assert.Equal(PluginStatus.Failed, plugins.Single(plugin => plugin.Name == "Garbage").Status);
        Assert.Equal(PluginStatus.Loaded, plugins.Single(plugin => plugin.Name == "GoodCorp").Status);
    }

    [Fact]
    public void LoadAll_IncompatibleHostAbi_RefusedBeforeLoading()
    {
        TestPlugins.Install(Plugins, TestPlugins.GoodCorp);
        File.WriteAllText(Path.Combine(Plugins, "GoodCorp", "plugin.json"), """{ "hostAbi": "2" }""");

        var plugin = Assert.Single(LoadAll());

        Assert.Equal(PluginStatus.Failed, plugin.Status);
        Assert.Contains("asks for host ABI '2'", plugin.Message, StringComparison.Ordinal);
        Assert.Null(plugin.MainAssembly);
    }

    [Theory]
    [InlineData("../GoodCorp.dll")]
    [InlineData("/etc/passwd.dll")]
    [InlineData("sub/GoodCorp.dll")]
    [InlineData("GoodCorp.exe")]
    public void LoadAll_ManifestAssemblyWithPath_Refused(string assembly)
    {
        TestPlugins.Install(Plugins, TestPlugins.GoodCorp);
        File.WriteAllText(Path.Combine(Plugins, "GoodCorp", "plugin.json"), $$"""{ "assembly": "{{assembly}}" }""");

        var plugin = Assert.Single(LoadAll());

        Assert.Equal(PluginStatus.Failed, plugin.Status);
        Assert.Contains("'assembly' must be a .dll file name", plugin.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_ManifestNamesAssembly_LoadsIt()
    {
        TestPlugins.CopyFolder(Path.Combine(TestPlugins.BuiltDirectory, TestPlugins.GoodCorp), Path.Combine(Plugins, "renamed"));
        File.WriteAllText(Path.Combine(Plugins, "renamed", "plugin.json"), """{ "name": "Good", "assembly": "GoodCorp.dll", "hostAbi": "1" }""");

        var plugin = Assert.Single(LoadAll());

        Assert.Equal(PluginStatus.Loaded, plugin.Status);
        Assert.Equal("Good", plugin.Name);
    }

    [Fact]
    public void LoadAll_SameCorpTypeInTwoFolders_SecondRefusedNamingBoth()
    {
        foreach (var folder in new[] { "a-good", "b-good" })
        {
            TestPlugins.CopyFolder(Path.Combine(TestPlugins.BuiltDirectory, TestPlugins.GoodCorp), Path.Combine(Plugins, folder));
            File.WriteAllText(Path.Combine(Plugins, folder, "plugin.json"), """{ "assembly": "GoodCorp.dll" }""");
        }

        var plugins = LoadAll();

        Assert.Equal(PluginStatus.Loaded, plugins[0].Status);
        Assert.Equal(PluginStatus.Failed, plugins[1].Status);
        Assert.Contains("'a-good'", plugins[1].Message, StringComparison.Ordinal);
        Assert.Contains("'b-good'", plugins[1].Message, StringComparison.Ordinal);
        Assert.Empty(plugins[1].CorpTypes);
    }

    [Fact]
    public void LoadAll_NoPluginsDirectory_Empty()
    {
        Assert.Empty(new PluginLoader().LoadAll(_temp.Combine("none")));
    }

    [Fact]
    public void Unload_LoadedPlugin_ContextIsCollected()
    {
        TestPlugins.Install(Plugins, TestPlugins.GoodCorp);
        var weak = LoadAndUnload(Plugins);

        for (var attempt = 0; weak.IsAlive && attempt < 20; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(weak.IsAlive);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadAndUnload(string plugins)
    {
        var plugin = Assert.Single(new PluginLoader().LoadAll(plugins));
        Assert.Equal(PluginStatus.Loaded, plugin.Status);
        var weak = new WeakReference(plugin.LoadContext);
        plugin.Unload();
        return weak;
    }

    internal static CorpElement SampleElement(string name, string type) => new()
    {
        Name = name,
        Title = name,
        Type = type,
        Directory = Path.GetTempPath(),
        Auth = new CorpAuthConfig { AppId = "cli_x", AppSecret = new Secret("x") },
    };
}
