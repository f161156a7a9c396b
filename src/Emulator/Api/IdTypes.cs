using Corps.Emulator.Org;

namespace Corps.Emulator.Api;

/// <summary>Parses the id-type query parameters.</summary>
internal static class IdTypes
{
    public static UserIdType? ParseUser(string? value) => value switch
    {
        null or "" or "open_id" => UserIdType.OpenId,
        "union_id" => UserIdType.UnionId,
        "user_id" => UserIdType.UserId,
        _ => null,
    };

    public static DepartmentIdType? ParseDepartment(string? value) => value switch
    {
        null or "" or "open_department_id" => DepartmentIdType.OpenDepartmentId,
        "department_id" => DepartmentIdType.DepartmentId,
        _ => null,
    };
}
