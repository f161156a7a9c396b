namespace Corps.Emulator.Apps;

/// <summary>Which field groups an app may see, computed once per permission change (reference §3).</summary>
internal sealed record FieldGate
{
    public bool UserBase { get; init; }

    public bool UserEmail { get; init; }

    public bool UserPhone { get; init; }

    public bool UserId { get; init; }

    public bool UserDepartment { get; init; }

    public bool UserGender { get; init; }

    public bool UserEmployee { get; init; }

    public bool UserEmployeeNo { get; init; }

    public bool DepartmentBase { get; init; }

    public bool DepartmentOrganize { get; init; }

    public static FieldGate From(IReadOnlySet<string> granted)
    {
        var umbrella = granted.Contains(Permissions.ContactReadonlyAsApp) || granted.Contains(Permissions.ContactAccessAsApp)
            || granted.Contains(Permissions.ContactReadonly);
        var employee = umbrella || granted.Contains(Permissions.UserEmployee);
        return new FieldGate
        {
            UserBase = umbrella || granted.Contains(Permissions.UserBase),
            // Email, mobile and user_id are not covered by the umbrella scopes: they need their own permission.
            UserEmail = granted.Contains(Permissions.UserEmail),
            UserPhone = granted.Contains(Permissions.UserPhone),
            UserId = granted.Contains(Permissions.UserEmployeeId),
            UserDepartment = umbrella || granted.Contains(Permissions.UserDepartment),
            UserGender = umbrella || granted.Contains(Permissions.UserGender),
            UserEmployee = employee,
            UserEmployeeNo = employee || granted.Contains(Permissions.UserEmployeeNumber),
            DepartmentBase = umbrella || granted.Contains(Permissions.DepartmentBase),
            DepartmentOrganize = umbrella || granted.Contains(Permissions.DepartmentOrganize),
        };
    }
}
