using System.CommandLine;
using Corps.Host.Cli.Output;

namespace Corps.Host.Cli.Commands;

/// <summary><c>corps offline NAME MEMBER_ID…</c>: marks members resigned in this corp only.</summary>
public sealed class OfflineCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Create(CliGlobals globals)
    {
        var name = CorpArguments.Name();
        var ids = CorpArguments.MemberIds(ArgumentArity.OneOrMore);
        var command = new Command("offline", "Mark members resigned in this corp only (their sign-in through other corps keeps working).") { name, ids };
        CliAction.Set(command, globals, (context, parseResult, cancellationToken) =>
            CorpArguments.WithCorpAsync(context, parseResult.GetValue(name)!, cancellationToken, async corp =>
            {
                var memberIds = (parseResult.GetValue(ids) ?? []).Distinct().ToList();
                var changed = await corp.OfflineMemberAsync(memberIds, cancellationToken).ConfigureAwait(false);
                if (context.Json)
                    context.WriteJson(new OfflineDocument(corp.FullName, memberIds, changed));
                else
                    context.Output.WriteLine($"Offlined {changed} of {memberIds.Count} member(s) in {corp.FullName}.");
                return ExitCodes.Ok;
            }));
        return command;
    }
}
