namespace Corps.Emulator.Org;

/// <summary>A member of a user group.</summary>
public sealed class OrgGroupMember
{
    /// <summary>open_id for users, open_department_id for departments (in the org file).</summary>
    public string MemberId { get; set; } = "";

    /// <summary><c>user</c> or <c>department</c>.</summary>
    public string MemberType { get; set; } = "user";
}
