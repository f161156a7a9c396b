using Corps.Abstractions;
using Spectre.Console;

namespace Corps.Host.Cli.Output;

/// <summary>Members as a table for people.</summary>
internal static class MemberTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<LocalMember> members, IReadOnlyDictionary<long, string>? departmentNames = null)
    {
        var table = Cells.Table("Id", "Name", "Status", "Email", "Mobile", "Departments", "Roles", "External id");
        foreach (var member in members)
        {
            var departments = string.Join(", ", member.Memberships.Select(membership =>
                (departmentNames?.GetValueOrDefault(membership.DepartmentId) ?? membership.DepartmentId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                + (membership.IsPrimary ? "*" : string.Empty)));
            table.AddRow(Cells.Of(member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), member.Name, member.Status.ToString(),
                member.Email, member.Mobile, departments, string.Join(", ", member.Roles), member.ExternalId));
        }

        console.Write(table);
    }
}
