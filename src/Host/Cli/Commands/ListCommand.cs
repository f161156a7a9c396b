using System.CommandLine;
using Corps.Host.Catalog;
using Corps.Host.Cli.Output;
using Corps.Host.Plugins;
using Spectre.Console;

namespace Corps.Host.Cli.Commands;

/// <summary><c>corps list</c>: elements, their types and status, plugins, and each corp's last sync.</summary>
public sealed class ListCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Create(CliGlobals globals)
    {
        var command = new Command("list", "List the elements, their corp types and status, the plugins, and each corp's last sync.");
        CliAction.Set(command, globals, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenSessionAsync(openStore: false, cancellationToken).ConfigureAwait(false);
        var catalog = session.Catalog;
        var corps = new List<CorpDocument>();
        foreach (var entry in catalog.Entries)
        {
            var lastSync = await session.LastRunAsync(entry.FullName, cancellationToken).ConfigureAwait(false);
            corps.Add(new CorpDocument(entry.Name, entry.FullName, entry.Title, entry.Type, entry.Status, entry.Message, entry.Plugin,
                Problems(catalog, entry), lastSync));
        }

        var plugins = catalog.Plugins
            .Select(plugin => new PluginDocument(plugin.Name, plugin.Directory, plugin.Status, plugin.Message, plugin.CorpTypes.Keys.Order(StringComparer.Ordinal).ToList()))
            .ToList();
        var document = new ListDocument(context.ElementsDirectory, context.PluginsDirectory, context.StorePath, corps, plugins,
            catalog.Discovery.Problems.Select(ProblemDocument.Error).ToList());

        if (context.Json)
            context.WriteJson(document);
        else
            Render(context.Console, context.Output, document);

        var healthy = document.Problems.Count == 0
            && corps.All(corp => corp.Status == CorpEntryStatus.Ready)
            && plugins.All(plugin => plugin.Status == PluginStatus.Loaded);
        return healthy ? ExitCodes.Ok : ExitCodes.Configuration;
    }

    private static List<ProblemDocument> Problems(CorpCatalog catalog, CorpEntry entry)
    {
        var result = catalog.Discovery.Elements.First(element => element.Name == entry.Name);
        return [.. result.Errors.Select(ProblemDocument.Error), .. result.Warnings.Select(ProblemDocument.Warning)];
    }

    private static void Render(IAnsiConsole console, TextWriter output, ListDocument document)
    {
        output.WriteLine($"Elements: {document.ElementsDirectory}");
        if (document.Corps.Count > 0)
        {
            var corps = Cells.Table("Name", "Title", "Type", "Status", "Plugin", "Last sync");
            foreach (var corp in document.Corps)
                corps.AddRow(Cells.Of(corp.Name, corp.Title, corp.Type, corp.Status.ToString(), corp.Plugin, RunSummary.Short(corp.LastSync)));
            console.Write(corps);
        }
        else if (document.Problems.Count == 0)
        {
            output.WriteLine("No elements yet. Add elements/corps/<Name>/e.json and <Name>.json (see docs/cli.md).");
        }

        output.WriteLine($"Plugins: {document.PluginsDirectory}");
        if (document.Plugins.Count > 0)
        {
            var plugins = Cells.Table("Plugin", "Status", "Details");
            foreach (var plugin in document.Plugins)
                plugins.AddRow(Cells.Of(plugin.Name, plugin.Status.ToString(), plugin.Message));
            console.Write(plugins);
        }
        else
        {
            output.WriteLine("No plugins found. Copy plugin folders there, or point --plugins at them.");
        }

        // Plain lines go to the writer itself: Spectre would wrap them at the console width.
        foreach (var problem in document.Problems)
            output.WriteLine($"error: {Line(problem)}");
        foreach (var corp in document.Corps.Where(corp => corp.Status != CorpEntryStatus.Ready))
        {
            if (corp.Status != CorpEntryStatus.ElementInvalid)
                output.WriteLine($"error: {corp.FullName}: {corp.Message}");
        }

        foreach (var problem in document.Corps.SelectMany(corp => corp.Problems))
            output.WriteLine($"{problem.Severity}: {Line(problem)}");
    }

    private static string Line(ProblemDocument problem) =>
        new Elements.ElementProblem(problem.File, problem.Key, problem.Message, problem.Fix).ToString();
}
