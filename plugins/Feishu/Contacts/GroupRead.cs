namespace Corps.Feishu.Contacts;

/// <summary>A user group as read: its listing and its member lists, ids as the API gave them (open ids).</summary>
/// <param name="Id">The group id.</param>
/// <param name="Name">The name (the id when upstream gave none).</param>
/// <param name="Description">The description, null when empty.</param>
/// <param name="Type">1 normal, 2 dynamic (<see cref="GroupTypes"/>).</param>
/// <param name="UserIds">Open ids of the user members.</param>
/// <param name="DepartmentIds">Open department ids of the department members.</param>
internal sealed record GroupRead(string Id, string Name, string? Description, int Type, IReadOnlyList<string> UserIds, IReadOnlyList<string> DepartmentIds);
