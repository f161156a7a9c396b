using System.Diagnostics;
using Corps.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Corps.Reliability.Tests;

/// <summary>
/// Promise 4 (plugins): hostile plugin folders — path traversal in plugin.json, a second plugin serving the same corp
/// type, garbage assemblies, broken manifests, a constructor that throws and one that never returns — are each refused
/// with a reason; the real Feishu plugin keeps serving its element, and the process neither crashes nor hangs.
/// </summary>
public sealed class HostilePluginTests(ITestOutputHelper output)
{
    [Fact]
    public async Task List_HostilePluginFolders_EachRefusedAndTheRealPluginServes()
    {
        await using var rig = await Rig.StartAsync(new RigOptions { Users = 30 });
        var plugins = Path.Combine(rig.Root, "plugins");
        var real = Rig.PluginsDirectory;
        Copy(Path.Combine(real, "Corps.Feishu"), Path.Combine(plugins, "Corps.Feishu"));
        // The same corp type served twice.
        Copy(Path.Combine(real, "Corps.Feishu"), Path.Combine(plugins, "FeishuAgain"));
        File.WriteAllText(Path.Combine(plugins, "FeishuAgain", "plugin.json"), """{ "name": "FeishuAgain", "assembly": "Corps.Feishu.dll", "hostAbi": "1" }""");
        // Path traversal and absolute paths in plugin.json.
        foreach (var (name, assembly) in new[] { ("Traversal", "../Corps.Feishu/Corps.Feishu.dll"), ("Absolute", "/etc/passwd.dll"), ("Backslash", "..\\\\Corps.Feishu\\\\Corps.Feishu.dll"), ("NotDll", "evil.so") })
        {
            Directory.CreateDirectory(Path.Combine(plugins, name));
            File.WriteAllText(Path.Combine(plugins, name, "plugin.json"), $$"""{ "name": "{{name}}", "assembly": "{{assembly}}" }""");
        }

        Directory.CreateDirectory(Path.Combine(plugins, "BadManifest"));
        File.WriteAllText(Path.Combine(plugins, "BadManifest", "plugin.json"), "{ \"assembly\": ");
        Directory.CreateDirectory(Path.Combine(plugins, "DeepManifest"));
        File.WriteAllText(Path.Combine(plugins, "DeepManifest", "plugin.json"), new string('[', 10_000));
        Directory.CreateDirectory(Path.Combine(plugins, "Garbage"));
        File.WriteAllBytes(Path.Combine(plugins, "Garbage", "Garbage.dll"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))]);
        Directory.CreateDirectory(Path.Combine(plugins, "Empty"));
        Copy(Path.Combine(AppContext.BaseDirectory, "testplugins", "ThrowingCorp"), Path.Combine(plugins, "ThrowingCorp"));
        Copy(Path.Combine(AppContext.BaseDirectory, "testplugins", "HangingCorp"), Path.Combine(plugins, "HangingCorp"));
        foreach (var (name, type) in new[] { ("Throws", "test.Throwing"), ("Hangs", "test.Hanging") })
        {
            var folder = Path.Combine(rig.ElementsDirectory, "corps", name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "e.json"), $$"""{ "title": "{{name}}", "type": "{{type}}" }""");
            File.WriteAllText(Path.Combine(folder, name + ".json"), """{ "appId": "cli_x", "appSecret": "s" }""");
        }

        // A real process: a constructor that never returns would hang it for good without the host's creation timeout.
        var watch = Stopwatch.StartNew();
        using var process = CorpsProcess.Start(rig.Root, ["--elements", rig.ElementsDirectory, "--store", rig.StorePath, "--plugins", plugins, "list", "--json"]);
        var list = await process.WaitAsync(TimeSpan.FromMinutes(2));
        watch.Stop();

        Assert.True(list.ExitCode == 2, list.ToString());
        Assert.DoesNotContain("   at ", list.All, StringComparison.Ordinal);
        var corps = list.Json.GetProperty("corps").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, StringComparer.Ordinal);
        Assert.Equal("ready", corps["Acme"].GetProperty("status").GetString());
        Assert.Equal("createFailed", corps["Throws"].GetProperty("status").GetString());
        Assert.Equal("createFailed", corps["Hangs"].GetProperty("status").GetString());
        Assert.Contains("did not finish within", corps["Hangs"].GetProperty("message").GetString(), StringComparison.Ordinal);
        var pluginStatus = list.Json.GetProperty("plugins").EnumerateArray()
            .ToDictionary(p => Path.GetFileName(p.GetProperty("folder").GetString()!), p => (Status: p.GetProperty("status").GetString(), Message: p.GetProperty("message").GetString()), StringComparer.Ordinal);
        Assert.Equal("loaded", pluginStatus["Corps.Feishu"].Status);
        foreach (var name in new[] { "FeishuAgain", "Traversal", "Absolute", "Backslash", "NotDll", "BadManifest", "DeepManifest", "Garbage", "Empty" })
        {
            Assert.True(pluginStatus[name].Status == "failed", $"{name}: {pluginStatus[name]}");
            Assert.False(string.IsNullOrWhiteSpace(pluginStatus[name].Message));
        }

        Assert.Contains("corps.FSInnerType", pluginStatus["FeishuAgain"].Message, StringComparison.Ordinal);
        // `list` never creates the store.
        Assert.False(File.Exists(rig.StorePath));
        output.WriteLine(Figures.Record("hostile plugins", $"9 hostile plugin folders refused, a throwing and a hanging constructor marked createFailed, the real plugin served; list took {watch.Elapsed.TotalSeconds:0.0} s"));
    }

    private static void Copy(string source, string destination)
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
