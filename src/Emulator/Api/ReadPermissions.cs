using Corps.Emulator.Apps;

namespace Corps.Emulator.Api;

/// <summary>Which permissions open which endpoint (reference §3, "Endpoint scopes").</summary>
internal static class ReadPermissions
{
    private static readonly string[] s_umbrella = [Permissions.ContactReadonlyAsApp, Permissions.ContactAccessAsApp, Permissions.ContactReadonly];

    public static IReadOnlyList<string> Departments { get; } = [Permissions.ContactBase, Permissions.DepartmentOrganize, .. s_umbrella];

    public static IReadOnlyList<string> UsersByDepartment { get; } = [Permissions.ContactBase, Permissions.DepartmentOrganize, .. s_umbrella];

    public static IReadOnlyList<string> Users { get; } = [Permissions.ContactBase, .. s_umbrella];

    public static IReadOnlyList<string> Scopes { get; } = [Permissions.ContactBase, Permissions.DepartmentOrganize, .. s_umbrella];

    public static IReadOnlyList<string> Groups { get; } = [Permissions.GroupReadonly];

    public static IReadOnlyList<string> UserIds { get; } = [Permissions.UserId];

    public static IReadOnlyList<string> Enums { get; } = [Permissions.ContactReadonlyAsApp, Permissions.ContactAccessAsApp];

    public static IReadOnlyList<string> CustomAttrs { get; } = [Permissions.ContactReadonlyAsApp];

    public static IReadOnlyList<string> Units { get; } = s_umbrella;

    public static IReadOnlyList<string> Tenant { get; } = [Permissions.TenantReadonly];

    public static IReadOnlyList<string> Write { get; } = [Permissions.ContactWrite];
}
