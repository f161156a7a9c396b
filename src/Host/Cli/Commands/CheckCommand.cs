using System.CommandLine;
using Corps.Abstractions;
using Corps.Host.Cli.Output;
using Spectre.Console;

namespace Corps.Host.Cli.Commands;

/// <summary><c>corps check NAME</c>: the corp type's own connection check (credentials, contact scope, permissions).</summary>
/// <remarks>Exit code 0 when nothing failed (warnings included), 3 when a check failed upstream (the upstream refused or
/// an essential permission is missing), 2 when the element is invalid or its type cannot check.</remarks>
public sealed class CheckCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Create(CliGlobals globals)
    {
        var name = CorpArguments.Name();
        var command = new Command("check", "Check a corp's credentials, contact scope and permissions against its upstream.") { name };
        CliAction.Set(command, globals, (context, parseResult, cancellationToken) =>
            CorpArguments.WithCorpAsync(context, parseResult.GetValue(name)!, cancellationToken, async corp =>
            {
                if (corp is not ICorpConnectionCheck check)
                {
                    throw new CorpException(CorpErrorKind.Configuration,
                        $"{corp.FullName}: its corp type '{corp.CorpData.Type}' cannot check its connection (it does not implement ICorpConnectionCheck).",
                        $"Run 'corps sync {corp.CorpData.Name} --dry-run' to try the connection instead.");
                }

                if (!context.Json && !context.Interactive)
                    context.Progress($"Checking {corp.FullName}…");
                var items = context.Interactive
                    ? await context.Console.Status().StartAsync($"Checking {Markup.Escape(corp.FullName)}…", _ => check.CheckAsync(cancellationToken)).ConfigureAwait(false)
                    : await check.CheckAsync(cancellationToken).ConfigureAwait(false);
                var exitCode = items.Any(item => item.Status == CheckStatus.Failed) ? ExitCodes.Upstream : ExitCodes.Ok;
                var document = new CheckDocument(corp.FullName, corp.CorpData.Type, Verdict(items), items, exitCode);
                if (context.Json)
                    context.WriteJson(document);
                else
                    Render(context, document);
                return exitCode;
            }));
        return command;
    }

    private static CheckStatus Verdict(IReadOnlyList<ConnectionCheckItem> items) =>
        items.Count == 0 ? CheckStatus.Ok : items.Max(item => item.Status);

    private static void Render(CliContext context, CheckDocument document)
    {
        var table = Cells.Table("Check", "Status", "Detail", "What to do");
        foreach (var item in document.Items)
            table.AddRow(Cells.Of(item.Name, Status(item.Status), item.Detail, item.Fix));
        context.Console.Write(table);

        var failed = document.Items.Count(item => item.Status == CheckStatus.Failed);
        var warnings = document.Items.Count(item => item.Status == CheckStatus.Warning);
        context.Output.WriteLine(document.Status switch
        {
            CheckStatus.Ok => $"{document.CorpFullName}: all {document.Items.Count} checks passed.",
            CheckStatus.Warning => $"{document.CorpFullName}: {warnings} warning{(warnings == 1 ? string.Empty : "s")}: syncs work, without what is listed.",
            _ => $"{document.CorpFullName}: {failed} check{(failed == 1 ? string.Empty : "s")} failed: syncs will fail until fixed (see 'What to do').",
        });
    }

    private static string Status(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "ok",
        CheckStatus.Warning => "WARNING",
        _ => "FAILED",
    };
}
