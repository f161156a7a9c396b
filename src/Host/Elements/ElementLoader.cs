using System.Text.RegularExpressions;
using Corps.Abstractions;

namespace Corps.Host.Elements;

/// <summary>
/// Discovers and validates the elements under <c>&lt;elements&gt;/corps/&lt;Name&gt;/</c>.
/// </summary>
/// <remarks>
/// Each folder yields either a <see cref="CorpElement"/> or the errors that stop it; one bad element never stops the
/// others. Files are read defensively (size and depth caps, links kept inside the directory) because an elements
/// directory may come from a less trusted source than the host. Nothing is cached: every call reads the disk.
/// </remarks>
public sealed partial class ElementLoader
{
    private readonly Func<string, string?> _environment;

    /// <summary>Creates a loader that resolves <c>${env:VAR}</c> through <paramref name="environment"/>.</summary>
    /// <param name="environment">Looks up an environment variable; null when it is not set.</param>
    public ElementLoader(Func<string, string?>? environment = null) =>
        _environment = environment ?? Environment.GetEnvironmentVariable;

    /// <summary>Reads every element folder under <paramref name="elementsDirectory"/>.</summary>
    public ElementDiscovery Discover(string elementsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(elementsDirectory);
        var paths = new ElementPaths(elementsDirectory);
        var corpsDirectory = Path.Combine(paths.Root, "corps");
        if (!Directory.Exists(corpsDirectory))
        {
            var display = paths.Display(corpsDirectory);
            var problem = new ElementProblem(display, null, "does not exist.",
                $"Create {display}/<Name>/e.json and <Name>.json, or point --elements at the folder that holds 'corps'.");
            return new ElementDiscovery(paths.Root, [], [problem]);
        }

        var folders = Directory.EnumerateDirectories(corpsDirectory)
            .Select(path => (Path: path, Name: Path.GetFileName(path)))
            .OrderBy(folder => folder.Name, StringComparer.Ordinal)
            .ToList();
        var caseClashes = folders.GroupBy(folder => folder.Name, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .SelectMany(group => group.Select(folder => (folder.Name, Others: group.Where(other => other.Name != folder.Name).Select(other => other.Name).ToList())))
            .ToDictionary(pair => pair.Name, pair => pair.Others, StringComparer.Ordinal);

        var reader = new ElementFileReader(paths);
        var results = folders
            .Select(folder => caseClashes.TryGetValue(folder.Name, out var others)
                ? CaseClash(paths, folder.Path, folder.Name, others)
                : LoadOne(paths, reader, folder.Path, folder.Name))
            .ToList();
        return new ElementDiscovery(paths.Root, results, []);
    }

    private ElementResult LoadOne(ElementPaths paths, ElementFileReader reader, string directory, string name)
    {
        var problems = new ProblemCollector();
        var displayFolder = paths.Display(directory);
        if (!FolderName().IsMatch(name))
        {
            problems.Error(displayFolder, null, "is not a valid element name (letters, digits, '_' and '-', starting with a letter or digit, at most 64).",
                "Rename the folder, e.g. 'AcmeFeishu'.");
            return Result(name, directory, null, problems);
        }

        if (!paths.StaysInside(directory))
        {
            problems.Error(displayFolder, null, "is a link that leads outside the elements directory.", "Move the element folder into the elements directory.");
            return Result(name, directory, null, problems);
        }

        var environment = new EnvironmentReferences(_environment);
        var definitionPath = Path.Combine(directory, "e.json");
        using var definitionDocument = reader.Read(definitionPath,
            "Create it with {\"title\": \"My Organisation\", \"type\": \"corps.FSInnerType\"}.", problems);
        var definition = definitionDocument is null
            ? null
            : ElementDefinitionParser.Parse(definitionDocument.RootElement, new JsonValueReader(paths.Display(definitionPath), problems, environment));

        var authPath = Path.Combine(directory, name + ".json");
        var prefix = AuthConfigParser.EnvironmentPrefix(name);
        using var authDocument = reader.Read(authPath,
            $"Create it with {{\"appId\": \"cli_…\", \"appSecret\": \"${{env:{prefix}_APP_SECRET}}\"}}.", problems);
        var auth = authDocument is null
            ? null
            : AuthConfigParser.Parse(authDocument.RootElement, name, new JsonValueReader(paths.Display(authPath), problems, environment));

        if (problems.HasErrors || definition is not { Title: { } title, Type: { } type } || auth is null)
            return Result(name, directory, definition, problems);

        var element = new CorpElement
        {
            Name = name,
            Title = title,
            Type = type,
            Directory = directory,
            Auth = auth,
            Schedule = definition.Schedule,
            SyncOnStart = definition.SyncOnStart,
            Guard = definition.Guard,
            Data = definitionDocument!.RootElement.Clone(),
        };
        return Result(name, directory, definition, problems) with { Element = element };
    }

    private static ElementResult CaseClash(ElementPaths paths, string directory, string name, IReadOnlyList<string> others)
    {
        var problems = new ProblemCollector();
        problems.Error(paths.Display(directory), null, $"differs from {string.Join(", ", others.Select(other => $"'{other}'"))} only by letter case; element names must be unique ignoring case.",
            "Rename or remove one of them.");
        return Result(name, directory, null, problems);
    }

    private static ElementResult Result(string name, string directory, ElementDefinition? definition, ProblemCollector problems) => new()
    {
        Name = name,
        Directory = directory,
        Title = definition?.Title,
        Type = definition?.Type,
        Errors = problems.Errors,
        Warnings = problems.Warnings,
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex FolderName();
}
