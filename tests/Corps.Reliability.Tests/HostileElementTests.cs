using System.Text;
using Corps.Host.Elements;
using Corps.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Corps.Reliability.Tests;

/// <summary>
/// Promise 4 (elements): hostile element folders — huge, deeply nested, wrong types, path tricks in names, links out of
/// the directory — get a clear error each; the other elements keep working, nothing else changes, nothing crashes.
/// </summary>
public sealed class HostileElementTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ListAndSync_HostileElementFolders_EachRefusedClearlyAndTheGoodOneSyncs()
    {
        await using var rig = await Rig.StartAsync(new RigOptions { Users = 40 });
        using var outside = new TempFolder();
        File.WriteAllText(outside.Combine("e.json"), """{ "title": "Outside", "type": "corps.FSInnerType" }""");
        File.WriteAllText(outside.Combine("secret.txt"), "outside-secret-content");
        var corps = Path.Combine(rig.ElementsDirectory, "corps");
        var bad = new Dictionary<string, (string Definition, string? Auth)>
        {
            ["Huge"] = ("{ \"title\": \"" + new string('x', 2 * 1024 * 1024) + "\", \"type\": \"corps.FSInnerType\" }", null),
            ["Deep"] = ("{ \"title\": \"Deep\", \"type\": \"corps.FSInnerType\", \"x\": " + new string('[', 5000) + new string(']', 5000) + " }", null),
            ["WrongTypes"] = ("""{ "title": 5, "type": ["corps.FSInnerType"], "guard": "off", "syncOnStart": "yes", "schedule": 7 }""", null),
            ["GuardTricks"] = ("""{ "title": "G", "type": "corps.FSInnerType", "guard": { "maxOfflines": -1, "maxOfflinePercent": 1e400, "minOfflinesForPercent": 1.5 } }""", null),
            ["ArrayRoot"] = ("[1, 2, 3]", null),
            ["NotJson"] = ("{ title: 'x', \u0000 }", null),
            ["AuthWrongTypes"] = ("""{ "title": "A", "type": "corps.FSInnerType" }""", """{ "appId": {}, "appSecret": 12, "baseUrl": "file:///etc/passwd" }"""),
            ["AuthTraversal"] = ("""{ "title": "A", "type": "corps.FSInnerType" }""", """{ "appId": "../../../etc/passwd", "appSecret": "${env:NO_SUCH_VARIABLE_HERE}" }"""),
            ["AuthBaseUrlJs"] = ("""{ "title": "A", "type": "corps.FSInnerType" }""", """{ "appId": "cli_x", "appSecret": "s", "baseUrl": "javascript:alert(1)" }"""),
            ["-Dash"] = ("""{ "title": "A", "type": "corps.FSInnerType" }""", null),
            ["has space"] = ("""{ "title": "A", "type": "corps.FSInnerType" }""", null),
            ["名字"] = ("""{ "title": "A", "type": "corps.FSInnerType" }""", null),
            [new string('L', 80)] = ("""{ "title": "A", "type": "corps.FSInnerType" }""", null),
            ["Twin"] = ("""{ "title": "Case twin", "type": "corps.FSInnerType" }""", null),
            ["twin"] = ("""{ "title": "Case twin", "type": "corps.FSInnerType" }""", null),
        };
        foreach (var (name, (definition, auth)) in bad)
        {
            var folder = Path.Combine(corps, name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "e.json"), definition, Encoding.UTF8);
            File.WriteAllText(Path.Combine(folder, name + ".json"), auth ?? """{ "appId": "cli_x", "appSecret": "s" }""");
        }

        // Links that lead out of the elements directory: a whole folder, and one file inside a real folder.
        Directory.CreateSymbolicLink(Path.Combine(corps, "LinkedFolder"), outside.Path);
        Directory.CreateDirectory(Path.Combine(corps, "LinkedFile"));
        File.CreateSymbolicLink(Path.Combine(corps, "LinkedFile", "e.json"), outside.Combine("secret.txt"));
        File.WriteAllText(Path.Combine(corps, "LinkedFile", "LinkedFile.json"), """{ "appId": "cli_x", "appSecret": "s" }""");
        // A stray file where folders are expected, and a folder where a file is expected.
        File.WriteAllText(Path.Combine(corps, "stray.json"), "{}");
        Directory.CreateDirectory(Path.Combine(corps, "FolderNotFile", "e.json"));

        var list = await rig.CliAsync("list", "--json");
        var sync = await rig.CliAsync("sync", "--json");

        foreach (var run in new[] { list, sync })
        {
            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
            Assert.DoesNotContain("outside-secret-content", run.All, StringComparison.Ordinal);
            Assert.DoesNotContain(new string('x', 1000), run.All, StringComparison.Ordinal);
        }

        var entries = list.Json.GetProperty("corps").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, StringComparer.Ordinal);
        Assert.Equal("ready", entries["Acme"].GetProperty("status").GetString());
        var refused = entries.Where(e => e.Key != "Acme").ToList();
        Assert.All(refused, e => Assert.NotEqual("ready", e.Value.GetProperty("status").GetString()));
        Assert.All(refused, e => Assert.False(string.IsNullOrWhiteSpace(e.Value.GetProperty("message").GetString())));
        var named = entries.Keys.Concat(list.Json.GetProperty("problems").EnumerateArray().Select(p => p.ToString())).ToList();
        foreach (var name in bad.Keys.Append("LinkedFolder").Append("LinkedFile").Append("FolderNotFile"))
            Assert.True(named.Exists(n => n.Contains(name, StringComparison.Ordinal)), $"{name} is neither listed nor named in a problem:\n{list.Output}");

        var results = sync.Json.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal("applied", results.Single(r => r.GetProperty("name").GetString() == "Acme").GetProperty("report").GetProperty("outcome").GetString());
        using (var connection = StoreDump.Open(rig.StorePath))
            Assert.Equal(["corps.Acme"], StoreDump.Query(connection, "SELECT full_name FROM corps"));
        Assert.Null(rig.StoreState().DifferenceFrom(rig.EmulatorState()));
        output.WriteLine(Figures.Record("hostile elements", $"{bad.Count + 4} hostile element folders: each refused with a message, the good one synced, exit 2, no crash"));
    }

    [Fact]
    public void Discover_SeededMutationsOfAValidElement_NeverThrowsAndNeverAcceptsGarbage()
    {
        using var temp = new TempFolder();
        var valid = """{ "title": "Acme Inc", "type": "corps.FSInnerType", "schedule": "0 0 2 * * ?", "guard": { "maxOfflines": 50 } }""";
        var auth = """{ "appId": "cli_a1b2", "appSecret": "s3cr3t", "baseUrl": "http://127.0.0.1:1/", "encryptKey": "k", "timeoutSeconds": 5 }""";
        var random = new Random(41);
        var loader = new ElementLoader(_ => null);
        var inputs = Scale.Long ? 20_000 : 1_500;
        int accepted = 0, refused = 0;
        for (var i = 0; i < inputs; i++)
        {
            var folder = Path.Combine(temp.Path, "corps", "Acme");
            Directory.CreateDirectory(folder);
            var mutateDefinition = random.Next(2) == 0;
            var definition = mutateDefinition ? Mutations.Mutate(Encoding.UTF8.GetBytes(valid), random) : Encoding.UTF8.GetBytes(valid);
            var authBytes = mutateDefinition ? Encoding.UTF8.GetBytes(auth) : Mutations.Mutate(Encoding.UTF8.GetBytes(auth), random);
            File.WriteAllBytes(Path.Combine(folder, "e.json"), definition);
            File.WriteAllBytes(Path.Combine(folder, "Acme.json"), authBytes);

            var discovery = loader.Discover(temp.Path);
            var result = Assert.Single(discovery.Elements);
            if (result.IsValid)
            {
                accepted++;
                // Whatever was accepted is well-formed: a title, a type, an app id.
                Assert.False(string.IsNullOrEmpty(result.Element!.Title));
                Assert.False(string.IsNullOrEmpty(result.Element.Type));
                Assert.False(string.IsNullOrEmpty(result.Element.Auth.AppId));
            }
            else
            {
                refused++;
                Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.ToString())));
            }
        }

        output.WriteLine(Figures.Record("element fuzz", $"{inputs} mutated element files: {accepted} accepted (well-formed), {refused} refused with a message, 0 exceptions"));
    }
}
