namespace Corps.Host.Tests.Support;

/// <summary>Writes element folders (<c>corps/&lt;Name&gt;/e.json</c> and <c>&lt;Name&gt;.json</c>) for tests.</summary>
public sealed class ElementWriter
{
    public ElementWriter(string elementsDirectory)
    {
        Directory = elementsDirectory;
        System.IO.Directory.CreateDirectory(Path.Combine(elementsDirectory, "corps"));
    }

    public string Directory { get; }

    public string Folder(string name) => Path.Combine(Directory, "corps", name);

    /// <summary>Writes a valid element; <paramref name="extraAuth"/> adds raw JSON members to the auth config.</summary>
    public string Add(string name, string type, string? extraAuth = null, string? extraDefinition = null, string title = "Test Org")
    {
        var definition = $"{{ \"title\": \"{title}\", \"type\": \"{type}\"{Prefix(extraDefinition)} }}";
        var auth = $"{{ \"appId\": \"cli_{name.ToLowerInvariant()}\", \"appSecret\": \"s3cr3t-{name}-value\"{Prefix(extraAuth)} }}";
        return AddRaw(name, definition, auth);
    }

    public string AddRaw(string name, string? definitionJson, string? authJson)
    {
        var folder = Folder(name);
        System.IO.Directory.CreateDirectory(folder);
        if (definitionJson is not null)
            File.WriteAllText(Path.Combine(folder, "e.json"), definitionJson);
        if (authJson is not null)
            File.WriteAllText(Path.Combine(folder, name + ".json"), authJson);
        return folder;
    }

    private static string Prefix(string? extra) => string.IsNullOrEmpty(extra) ? string.Empty : ", " + extra;
}
