using System.CommandLine;
using Corps.Host.Cli.Output;
using Spectre.Console;

namespace Corps.Host.Cli.Commands;

/// <summary><c>corps members NAME</c>: the corp's local members, offlined ones included.</summary>
public sealed class MembersCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Create(CliGlobals globals)
    {
        var name = CorpArguments.Name();
        var command = new Command("members", "List a corp's local members (offlined ones included).") { name };
        CliAction.Set(command, globals, (context, parseResult, cancellationToken) =>
            CorpArguments.WithCorpAsync(context, parseResult.GetValue(name)!, cancellationToken, async corp =>
            {
                var data = await corp.GetLocalCorpDataAsync(cancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(new MembersDocument(corp.FullName, data.Members));
                }
                else
                {
                    MemberTable.Write(context.Console, data.Members, data.Departments.ToDictionary(department => department.Id, department => department.Name));
                    context.Console.WriteLine($"{data.Members.Count} members; * marks the primary department.");
                }

                return ExitCodes.Ok;
            }));
        return command;
    }
}
