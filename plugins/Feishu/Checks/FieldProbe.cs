using Corps.Feishu.Wire;

namespace Corps.Feishu.Checks;

/// <summary>A field the API returns only with a permission: how to see it on a user, and which permission unlocks it.</summary>
/// <param name="Field">The wire field.</param>
/// <param name="Permission">The scope that unlocks it.</param>
/// <param name="IsPresent">Whether a user object carries it.</param>
internal sealed record FieldProbe(string Field, string Permission, Func<WireUser, bool> IsPresent)
{
    public static IReadOnlyList<FieldProbe> UserFields { get; } =
    [
        new("name", "contact:user.base:readonly", u => u.Name is not null),
        new("email", "contact:user.email:readonly", u => u.Email is not null),
        new("mobile", "contact:user.phone:readonly", u => u.Mobile is not null),
        new("user_id", "contact:user.employee_id:readonly", u => u.UserId is not null),
        new("department_ids", "contact:user.department:readonly", u => u.DepartmentIds is not null || u.Orders is not null),
        new("status", "contact:user.employee:readonly", u => u.Status is not null || u.JobTitle is not null || u.EmployeeType is not null),
        new("employee_no", "contact:user.employee_number:read", u => u.EmployeeNo is not null),
    ];
}
