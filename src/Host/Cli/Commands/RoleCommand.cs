using System.CommandLine;
using Corps.Host.Cli.Output;

namespace Corps.Host.Cli.Commands;

/// <summary><c>corps role set NAME MEMBER_ID ROLE…</c>: replaces a member's roles.</summary>
public sealed class RoleCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Create(CliGlobals globals)
    {
        var name = CorpArguments.Name();
        var memberId = CorpArguments.MemberId();
        var roles = new Argument<string[]>("ROLE") { Description = "Role ids, e.g. editor (none clears the member's roles).", Arity = ArgumentArity.ZeroOrMore };
        var set = new Command("set", "Replace a member's roles.") { name, memberId, roles };
        CliAction.Set(set, globals, (context, parseResult, cancellationToken) =>
            CorpArguments.WithCorpAsync(context, parseResult.GetValue(name)!, cancellationToken, async corp =>
            {
                var id = parseResult.GetValue(memberId);
                var roleIds = (parseResult.GetValue(roles) ?? []).Distinct(StringComparer.Ordinal).ToList();
                var rows = await corp.SetUserRoleAsync(id, roleIds, cancellationToken).ConfigureAwait(false);
                if (context.Json)
                    context.WriteJson(new RolesDocument(corp.FullName, id, rows));
                else
                    context.Output.WriteLine(rows.Count == 0 ? $"Member {id} of {corp.FullName} now has no roles." : $"Member {id} of {corp.FullName} now has roles: {string.Join(", ", rows.Select(row => row.RoleId))}.");
                return ExitCodes.Ok;
            }));
        return new Command("role", "Manage members' roles.") { set };
    }
}
