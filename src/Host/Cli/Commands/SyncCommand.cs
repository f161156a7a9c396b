using System.CommandLine;
using System.Runtime;
using Corps.Abstractions;
using Corps.Host.Catalog;
using Corps.Host.Cli.Output;
using Spectre.Console;

namespace Corps.Host.Cli.Commands;

/// <summary><c>corps sync [NAME…] [--dry-run] [--force]</c>: full sync of the named corps, or of every ready corp.</summary>
public sealed class SyncCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Create(CliGlobals globals)
    {
        // Symbols are created per call: a command tree is built for every run, and runs may be concurrent (tests).
        var names = new Argument<string[]>("NAME")
        {
            Description = "Element names to sync; every ready corp when none is given.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Compute and print the plan; write nothing." };
        var force = new Option<bool>("--force") { Description = "Apply a plan even if the deletion guard would hold it." };

        // An unknown option would otherwise be taken for an element name.
        names.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(token => token.Value.StartsWith('-')))
                result.AddError($"Unrecognized option '{token.Value}'.");
        });
        var command = new Command("sync", "Fetch each corp's upstream snapshot, plan, check the deletion guard and apply.")
        {
            names,
            dryRun,
            force,
        };
        CliAction.Set(command, globals, (context, parseResult, cancellationToken) =>
        {
            var options = new SyncOptions
            {
                DryRun = parseResult.GetValue(dryRun),
                Force = parseResult.GetValue(force),
                Trigger = "cli",
                IncludePlan = parseResult.GetValue(dryRun),
            };
            return RunAsync(context, parseResult.GetValue(names) ?? [], options, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string[] names, SyncOptions options, CancellationToken cancellationToken)
    {
        // A one-shot batch job: blocking collections cost it less CPU and memory than background ones, and nobody waits on
        // its pauses (`corps serve` keeps the default). A 100k sync peaked ~50 MB lower (bench/RESULTS.md §1).
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        await using var session = await context.OpenSessionAsync(openStore: true, cancellationToken).ConfigureAwait(false);
        if (session.Catalog.Discovery.Problems.Count > 0)
            throw new CorpException(CorpErrorKind.Configuration, session.Catalog.Discovery.Problems[0].ToString());

        var results = new List<SyncResultDocument>();
        foreach (var (name, entry) in Targets(session.Catalog, names))
        {
            var result = entry is { Status: CorpEntryStatus.Ready, Corp: { } corp }
                ? await SyncOneAsync(context, corp, entry.Name, options, cancellationToken).ConfigureAwait(false)
                : NotReady(context, name, entry);
            results.Add(result);
        }

        if (results.Count == 0 && !context.Json)
            context.Output.WriteLine("No corps to sync. Add elements under elements/corps/ ('corps list' shows what is there).");

        var exitCode = ExitCodes.Combine(results.Select(result => result.ExitCode));
        if (context.Json)
            context.WriteJson(new SyncDocument(options.DryRun, options.Force, results, exitCode));
        return exitCode;
    }

    private static IEnumerable<(string Name, CorpEntry? Entry)> Targets(CorpCatalog catalog, string[] names) =>
        names.Length == 0
            ? catalog.Entries.Select(entry => (entry.Name, (CorpEntry?)entry))
            : names.Distinct(StringComparer.OrdinalIgnoreCase).Select(name => (name, catalog.Find(name)));

    private static SyncResultDocument NotReady(CliContext context, string name, CorpEntry? entry)
    {
        var message = entry is null
            ? $"There is no element named '{name}'. Run 'corps list' to see the elements."
            : $"{entry.FullName} was skipped ({entry.Status}): {entry.Message}";
        context.Error.WriteLine($"error: {message}");
        var fullName = entry?.FullName ?? "corps." + name;
        return new SyncResultDocument(entry?.Name ?? name, fullName, ExitCodes.Configuration, null,
            new ErrorBody("configuration", message, ExitCodes.Configuration));
    }

    private static async Task<SyncResultDocument> SyncOneAsync(CliContext context, ICorp corp, string name, SyncOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var report = await RunWithProgressAsync(context, corp, options, cancellationToken).ConfigureAwait(false);
            var code = report.Outcome switch
            {
                SyncOutcome.Held => ExitCodes.Held,
                SyncOutcome.Failed => ExitCodes.Unexpected,
                _ => ExitCodes.Ok,
            };
            if (!context.Json)
                SyncReportWriter.Write(context.Output, name, report);
            return new SyncResultDocument(name, corp.FullName, code, report, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One corp's failure is reported and the others still run.
            var (code, kind, message) = CliAction.Describe(ex);
            context.Error.WriteLine($"error: {corp.FullName}: {message}");
            if (context.Verbose)
                context.Error.WriteLine(ex);
            return new SyncResultDocument(name, corp.FullName, code, null, new ErrorBody(kind, message, code));
        }
    }

    private static async Task<SyncReport> RunWithProgressAsync(CliContext context, ICorp corp, SyncOptions options, CancellationToken cancellationToken)
    {
        var what = options.DryRun ? "Planning" : "Syncing";
        if (!context.Interactive)
        {
            context.Progress($"{what} {corp.FullName}…");
            return await corp.SyncCorpAsync(options, cancellationToken).ConfigureAwait(false);
        }

        return await context.Console.Status()
            .StartAsync($"{what} {Markup.Escape(corp.FullName)}…", _ => corp.SyncCorpAsync(options, cancellationToken))
            .ConfigureAwait(false);
    }
}
