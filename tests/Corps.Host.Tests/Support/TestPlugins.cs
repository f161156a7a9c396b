namespace Corps.Host.Tests.Support;

/// <summary>The compiled test plugins (tests/TestPlugins), copied beside the test assembly at build.</summary>
public static class TestPlugins
{
    public const string GoodCorp = "GoodCorp";
    public const string OwnContractCorp = "OwnContractCorp";
    public const string ThrowingCorp = "ThrowingCorp";
    public const string DependencyCorp = "DependencyCorp";

    public static string BuiltDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "testplugins");

    /// <summary>Copies the named test plugins into <paramref name="pluginsDirectory"/> (each in its own folder).</summary>
    public static string Install(string pluginsDirectory, params string[] names)
    {
        foreach (var name in names)
            CopyFolder(Path.Combine(BuiltDirectory, name), Path.Combine(pluginsDirectory, name));
        Directory.CreateDirectory(pluginsDirectory);
        return pluginsDirectory;
    }

    public static void CopyFolder(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
