using System.CommandLine;
using Corps.Abstractions;
using Corps.Host.Cli.Output;
using Spectre.Console;

namespace Corps.Host.Cli.Commands;

/// <summary><c>corps tree NAME</c>: the corp's local department tree with member counts.</summary>
public sealed class TreeCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Create(CliGlobals globals)
    {
        var name = CorpArguments.Name();
        var command = new Command("tree", "Show a corp's local department tree with member counts.") { name };
        CliAction.Set(command, globals, (context, parseResult, cancellationToken) =>
            CorpArguments.WithCorpAsync(context, parseResult.GetValue(name)!, cancellationToken, async corp =>
            {
                var data = await corp.GetLocalCorpDataAsync(cancellationToken).ConfigureAwait(false);
                var root = await corp.GetRootDeptAsync(cancellationToken).ConfigureAwait(false);
                var document = new TreeDocument(corp.FullName, Build(data, root));
                if (context.Json)
                    context.WriteJson(document);
                else
                    context.Console.Write(Render(document.Root, new Tree(Label(document.Root))));
                return ExitCodes.Ok;
            }));
        return command;
    }

    internal static DepartmentNode Build(LocalCorpData data, LocalDepartment root)
    {
        var live = data.Departments.Where(department => !department.IsDeleted).ToList();
        var children = live.Where(department => department.ParentId is not null).ToLookup(department => department.ParentId!.Value);
        var members = data.Members.Where(member => member.Status == MemberStatus.Active)
            .SelectMany(member => member.Memberships.Select(membership => membership.DepartmentId))
            .GroupBy(id => id)
            .ToDictionary(group => group.Key, group => group.Count());

        DepartmentNode Node(LocalDepartment department) => new(department.Id, department.ExternalId, department.Name, department.Order,
            members.GetValueOrDefault(department.Id),
            children[department.Id].OrderBy(child => child.Order).ThenBy(child => child.Name, StringComparer.Ordinal).Select(Node).ToList());

        return Node(root);
    }

    private static Tree Render(DepartmentNode node, Tree tree)
    {
        foreach (var child in node.Children)
            Add(tree.AddNode(Label(child)), child);
        return tree;
    }

    private static void Add(TreeNode parent, DepartmentNode node)
    {
        foreach (var child in node.Children)
            Add(parent.AddNode(Label(child)), child);
    }

    private static Text Label(DepartmentNode node) =>
        new($"{node.Name} [{node.ExternalId}] ({node.Members} member{(node.Members == 1 ? string.Empty : "s")})");
}
