namespace Corps.Emulator.Apps;

/// <summary>Permission (scope) names from the Open Platform that the emulator gates on (reference §3).</summary>
public static class Permissions
{
    /// <summary>Umbrella: read the whole contact directory as the app.</summary>
    public const string ContactReadonlyAsApp = "contact:contact:readonly_as_app";

    /// <summary>Umbrella: read and write the contact directory as the app.</summary>
    public const string ContactAccessAsApp = "contact:contact:access_as_app";

    /// <summary>Umbrella: read the contact directory.</summary>
    public const string ContactReadonly = "contact:contact:readonly";

    /// <summary>Basic contact reads (endpoint scope).</summary>
    public const string ContactBase = "contact:contact.base:readonly";

    /// <summary>User name, nickname, avatar.</summary>
    public const string UserBase = "contact:user.base:readonly";

    /// <summary>User email.</summary>
    public const string UserEmail = "contact:user.email:readonly";

    /// <summary>User mobile.</summary>
    public const string UserPhone = "contact:user.phone:readonly";

    /// <summary>user_id.</summary>
    public const string UserEmployeeId = "contact:user.employee_id:readonly";

    /// <summary>User departments, leader, orders.</summary>
    public const string UserDepartment = "contact:user.department:readonly";

    /// <summary>User gender.</summary>
    public const string UserGender = "contact:user.gender:readonly";

    /// <summary>Employment fields (status, city, join time, employee type, custom attrs, job title…).</summary>
    public const string UserEmployee = "contact:user.employee:readonly";

    /// <summary>Employee number.</summary>
    public const string UserEmployeeNumber = "contact:user.employee_number:read";

    /// <summary>Look up user ids by email or mobile.</summary>
    public const string UserId = "contact:user.id:readonly";

    /// <summary>Department name, i18n name, department_id, chat, status.</summary>
    public const string DepartmentBase = "contact:department.base:readonly";

    /// <summary>Department parent, leader, order, units, counts, leaders (also an endpoint scope).</summary>
    public const string DepartmentOrganize = "contact:department.organize:readonly";

    /// <summary>User groups.</summary>
    public const string GroupReadonly = "contact:group:readonly";

    /// <summary>Write the contact directory.</summary>
    public const string ContactWrite = "contact:contact";

    /// <summary>Read tenant information.</summary>
    public const string TenantReadonly = "tenant:tenant:readonly";

    /// <summary>What an app gets when none are configured: every read permission above plus writes.</summary>
    public static IReadOnlyCollection<string> DefaultGrant { get; } =
    [
        ContactReadonlyAsApp, UserBase, UserEmail, UserPhone, UserEmployeeId, UserDepartment, UserGender, UserEmployee,
        UserEmployeeNumber, UserId, DepartmentBase, DepartmentOrganize, GroupReadonly, ContactBase, ContactWrite, ContactAccessAsApp,
        TenantReadonly,
    ];
}
