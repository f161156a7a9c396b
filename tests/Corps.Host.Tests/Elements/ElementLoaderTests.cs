using Corps.Host.Elements;
using Corps.Host.Tests.Support;

namespace Corps.Host.Tests.Elements;

public sealed class ElementLoaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ElementWriter _elements;
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public ElementLoaderTests() => _elements = new ElementWriter(_temp.Combine("elements"));

    public void Dispose() => _temp.Dispose();

    private ElementDiscovery Discover() => new ElementLoader(_environment.GetValueOrDefault).Discover(_elements.Directory);

    private ElementResult Only(string name) => Assert.Single(Discover().Elements, result => result.Name == name);

    [Fact]
    public void Discover_ValidElement_YieldsCorpElementWithAllKeys()
    {
        _environment["ACME_SECRET"] = "from-env";
        _elements.AddRaw("Acme",
            """
            {
              // comments and trailing commas are allowed
              "title": "Acme Inc", "type": "corps.FSInnerType", "schedule": "0 0 2 * * ?", "syncOnStart": true,
              "guard": { "maxOfflines": 5, "maxOfflinePercent": 20.5, "minOfflinesForPercent": 3 },
            }
            """,
            """
            { "appId": "cli_1", "appSecret": "${env:ACME_SECRET}", "baseUrl": "http://127.0.0.1:5080",
              "encryptKey": "ek", "verificationToken": "vt", "tenant": "acme", "apiKey": "k", "pageSize": 50, }
            """);

        var result = Only("Acme");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var element = result.Element!;
        Assert.Equal("corps.Acme", element.FullName);
        Assert.Equal("Acme Inc", element.Title);
        Assert.Equal("corps.FSInnerType", element.Type);
        Assert.Equal("0 0 2 * * ?", element.Schedule);
        Assert.True(element.SyncOnStart);
        Assert.Equal(5, element.Guard.MaxOfflines);
        Assert.Equal(20.5, element.Guard.MaxOfflinePercent);
        Assert.Equal(3, element.Guard.MinOfflinesForPercent);
        Assert.Equal("from-env", element.Auth.AppSecret.Reveal());
        Assert.Equal(new Uri("http://127.0.0.1:5080"), element.Auth.BaseUrl);
        Assert.Equal("ek", element.Auth.EncryptKey!.Reveal());
        Assert.Equal("vt", element.Auth.VerificationToken!.Reveal());
        Assert.Equal("acme", element.Auth.Settings["tenant"]);
        Assert.Equal("50", element.Auth.Settings["pageSize"]);
        Assert.Equal("k", element.Auth.Secrets["apiKey"].Reveal());
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Discover_MissingAppSecret_ErrorNamesFileKeyAndFix()
    {
        _elements.AddRaw("Acme", """{ "title": "A", "type": "corps.FSInnerType" }""", """{ "appId": "cli_1" }""");

        var error = Assert.Single(Only("Acme").Errors);

        Assert.Equal("elements/corps/Acme/Acme.json: key 'appSecret' is missing. Add \"appSecret\": \"${env:ACME_APP_SECRET}\".", error.ToString());
    }

    [Fact]
    public void Discover_MissingEnvironmentVariable_ErrorNamesVariableAndFile()
    {
        _elements.AddRaw("Acme", """{ "title": "A", "type": "t" }""", """{ "appId": "cli_1", "appSecret": "${env:NOT_SET_ANYWHERE}" }""");

        var error = Assert.Single(Only("Acme").Errors);

        Assert.Contains("NOT_SET_ANYWHERE", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("elements/corps/Acme/Acme.json", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("appSecret", error.Key);
    }

    [Fact]
    public void Discover_SecretFromEnvironmentInvalidElsewhere_NeverEchoesSecret()
    {
        _environment["ACME_SECRET"] = "very-secret-value";
        _elements.AddRaw("Acme", """{ "title": 5, "type": "t" }""", """{ "appId": "cli_1", "appSecret": "${env:ACME_SECRET}", "baseUrl": "${env:ACME_SECRET}" }""");

        var result = Only("Acme");

        Assert.False(result.IsValid);
        Assert.DoesNotContain(result.Errors, error => error.ToString().Contains("very-secret-value", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "type": "t" }""", "title", "is missing")]
    [InlineData("""{ "title": "A" }""", "type", "is missing")]
    [InlineData("""{ "title": ["A"], "type": "t" }""", "title", "must be a string, not an array")]
    [InlineData("""{ "title": "A", "type": "t", "syncOnStart": "yes" }""", "syncOnStart", "must be true or false")]
    [InlineData("""{ "title": "A", "type": "t", "schedule": "every day" }""", "schedule", "Quartz cron")]
    [InlineData("""{ "title": "A", "type": "t", "guard": 5 }""", "guard", "must be an object")]
    [InlineData("""{ "title": "A", "type": "t", "guard": { "maxOfflines": -1 } }""", "guard.maxOfflines", "whole number")]
    [InlineData("""{ "title": "A", "type": "t", "guard": { "maxOfflinePercent": 150 } }""", "guard.maxOfflinePercent", "0 to 100")]
    [InlineData("""{ "title": "A", "type": "has spaces" }""", "type", "not a corp type name")]
    public void Discover_BadDefinition_ErrorNamesKey(string definition, string key, string expected)
    {
        _elements.AddRaw("Acme", definition, """{ "appId": "cli_1", "appSecret": "x" }""");

        var errors = Only("Acme").Errors;

        Assert.Contains(errors, error => error.Key == key && error.File == "elements/corps/Acme/e.json" && error.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "appSecret": "x" }""", "appId", "is missing")]
    [InlineData("""{ "appId": 5, "appSecret": "x" }""", "appId", "must be a string")]
    [InlineData("""{ "appId": "a", "appSecret": "" }""", "appSecret", "is empty")]
    [InlineData("""{ "appId": "a", "appSecret": "x", "baseUrl": "ftp://x" }""", "baseUrl", "http or https")]
    [InlineData("""{ "appId": "a", "appSecret": "x", "baseUrl": "/relative" }""", "baseUrl", "absolute")]
    [InlineData("""{ "appId": "a", "appSecret": "x", "extra": { "nested": 1 } }""", "extra", "string, number or boolean")]
    public void Discover_BadAuthConfig_ErrorNamesKey(string auth, string key, string expected)
    {
        _elements.AddRaw("Acme", """{ "title": "A", "type": "t" }""", auth);

        var errors = Only("Acme").Errors;

        Assert.Contains(errors, error => error.Key == key && error.File == "elements/corps/Acme/Acme.json" && error.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[1, 2]", "must hold a JSON object, not an array")]
    [InlineData("\"text\"", "must hold a JSON object, not a string")]
    [InlineData("{ \"title\": ", "is not valid JSON")]
    [InlineData("", "is not valid JSON")]
    public void Discover_HostileDefinitionFile_ErrorNotException(string content, string expected)
    {
        _elements.AddRaw("Acme", content, """{ "appId": "a", "appSecret": "x" }""");

        var error = Assert.Single(Only("Acme").Errors);

        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_DeeplyNestedJson_RefusedByDepthCap()
    {
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
        _elements.AddRaw("Acme", nested, """{ "appId": "a", "appSecret": "x" }""");

        var error = Assert.Single(Only("Acme").Errors);

        Assert.Contains("not valid JSON", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_OversizedFile_RefusedBySizeCap()
    {
        var folder = _elements.AddRaw("Acme", null, """{ "appId": "a", "appSecret": "x" }""");
        File.WriteAllText(Path.Combine(folder, "e.json"), "{\"title\":\"" + new string('x', 1024 * 1024 + 10) + "\",\"type\":\"t\"}");

        var error = Assert.Single(Only("Acme").Errors);

        Assert.Contains("at most", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_NamedPipeAsElementFile_RefusedInsteadOfHanging()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return;
        var folder = _elements.AddRaw("Acme", null, """{ "appId": "a", "appSecret": "x" }""");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(folder, "e.json")]))
            mkfifo.WaitForExit();

        var error = Assert.Single(Only("Acme").Errors);

        Assert.Contains("named pipe", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_MissingFiles_ErrorsSayHowToCreateThem()
    {
        _elements.AddRaw("Acme", null, null);

        var errors = Only("Acme").Errors.Select(error => error.ToString()).ToList();

        Assert.Contains(errors, error => error.StartsWith("elements/corps/Acme/e.json: is missing. Create it with", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("elements/corps/Acme/Acme.json: is missing. Create it with", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-leading-dash")]
    [InlineData("has space")]
    [InlineData("dots.in.name")]
    public void Discover_BadFolderName_Refused(string name)
    {
        _elements.Add(name, "t");

        var result = Only(name);

        Assert.False(result.IsValid);
        Assert.Contains("not a valid element name", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_NamesDifferingOnlyByCase_BothRefused()
    {
        _elements.Add("Acme", "t");
        _elements.Add("ACME", "t");
        if (Discover().Elements.Count < 2)
            return; // A case-insensitive file system cannot hold both folders at all.

        var results = Discover().Elements;

        Assert.All(results, result => Assert.Contains("only by letter case", Assert.Single(result.Errors).Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Discover_SymlinkLeadingOutside_Refused()
    {
        var outside = _temp.Combine("outside.json");
        File.WriteAllText(outside, """{ "appId": "a", "appSecret": "x" }""");
        var folder = _elements.AddRaw("Acme", """{ "title": "A", "type": "t" }""", null);
        File.CreateSymbolicLink(Path.Combine(folder, "Acme.json"), outside);

        var error = Assert.Single(Only("Acme").Errors);

        Assert.Contains("leads outside the elements directory", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_SymlinkedFolderOutside_Refused()
    {
        var outside = _temp.Combine("elsewhere", "Acme");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "e.json"), """{ "title": "A", "type": "t" }""");
        File.WriteAllText(Path.Combine(outside, "Acme.json"), """{ "appId": "a", "appSecret": "x" }""");
        Directory.CreateSymbolicLink(_elements.Folder("Acme"), outside);

        Assert.False(Only("Acme").IsValid);
    }

    [Fact]
    public void Discover_SymlinkInside_Followed()
    {
        var folder = _elements.AddRaw("Acme", """{ "title": "A", "type": "t" }""", null);
        File.WriteAllText(Path.Combine(_elements.Directory, "shared-auth.json"), """{ "appId": "a", "appSecret": "x" }""");
        File.CreateSymbolicLink(Path.Combine(folder, "Acme.json"), Path.Combine(_elements.Directory, "shared-auth.json"));

        Assert.True(Only("Acme").IsValid);
    }

    [Fact]
    public void Discover_OneBadElement_OthersStillLoad()
    {
        _elements.Add("Good1", "corps.FSInnerType");
        _elements.AddRaw("Bad", "not json", null);
        _elements.Add("Good2", "corps.FSInnerType");

        var results = Discover().Elements;

        Assert.Equal(["Bad", "Good1", "Good2"], results.Select(result => result.Name));
        Assert.Equal([false, true, true], results.Select(result => result.IsValid));
    }

    [Fact]
    public void Discover_UnknownKeys_WarnButStayValid()
    {
        _elements.Add("Acme", "t", extraDefinition: "\"titel\": \"typo\", \"guard\": { \"maxOffline\": 3 }");

        var result = Only("Acme");

        Assert.True(result.IsValid);
        Assert.Equal(["titel", "guard.maxOffline"], result.Warnings.Select(warning => warning.Key));
        Assert.Equal("typo", result.Element!.Data.GetProperty("titel").GetString());
    }

    [Fact]
    public void Discover_MissingCorpsFolder_ReportsDirectoryProblem()
    {
        var discovery = new ElementLoader().Discover(_temp.Combine("nowhere"));

        Assert.Empty(discovery.Elements);
        Assert.Contains("nowhere/corps: does not exist.", Assert.Single(discovery.Problems).ToString(), StringComparison.Ordinal);
    }
}
