using System.CommandLine;
using Corps.Abstractions;
using Corps.Host.Cli.Output;

namespace Corps.Host.Cli.Commands;

/// <summary><c>corps admin get NAME</c> and <c>corps admin set NAME MEMBER_ID…</c>: the corp's administrators.</summary>
public sealed class AdminCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Create(CliGlobals globals)
    {
        var getName = CorpArguments.Name();
        var get = new Command("get", "Show the corp's administrators.") { getName };
        CliAction.Set(get, globals, (context, parseResult, cancellationToken) =>
            CorpArguments.WithCorpAsync(context, parseResult.GetValue(getName)!, cancellationToken, async corp =>
            {
                var admins = await corp.GetAdminAsync(cancellationToken).ConfigureAwait(false);
                return Write(context, corp, admins);
            }));

        var setName = CorpArguments.Name();
        var setIds = CorpArguments.MemberIds(ArgumentArity.ZeroOrMore);
        var set = new Command("set", "Replace the corp's administrators with the given members (none clears them).") { setName, setIds };
        CliAction.Set(set, globals, (context, parseResult, cancellationToken) =>
            CorpArguments.WithCorpAsync(context, parseResult.GetValue(setName)!, cancellationToken, async corp =>
            {
                await corp.SetAdminAsync(parseResult.GetValue(setIds) ?? [], cancellationToken).ConfigureAwait(false);
                var admins = await corp.GetAdminAsync(cancellationToken).ConfigureAwait(false);
                return Write(context, corp, admins);
            }));

        return new Command("admin", "Read or replace a corp's administrators.") { get, set };
    }

    private static int Write(CliContext context, ICorp corp, IReadOnlyList<LocalMember> admins)
    {
        if (context.Json)
        {
            context.WriteJson(new MembersDocument(corp.FullName, admins));
        }
        else if (admins.Count == 0)
        {
            context.Output.WriteLine($"{corp.FullName} has no administrators.");
        }
        else
        {
            MemberTable.Write(context.Console, admins);
        }

        return ExitCodes.Ok;
    }
}
