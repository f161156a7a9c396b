namespace Corps.Emulator.Options;

/// <summary>An app's contact scope ("通讯录权限范围"): everything, or chosen departments, users and groups.</summary>
public sealed record ContactScopeOptions
{
    /// <summary>The whole organisation.</summary>
    public static ContactScopeOptions All { get; } = new() { IsAll = true };

    /// <summary>True when the app sees the whole organisation (and may read department "0").</summary>
    public bool IsAll { get; init; }

    /// <summary>Chosen departments (open_department_id or department_id); their subtrees are visible.</summary>
    public IReadOnlyList<string> DepartmentIds { get; init; } = [];

    /// <summary>Individually chosen users (open_id, union_id or user_id).</summary>
    public IReadOnlyList<string> UserIds { get; init; } = [];

    /// <summary>Chosen user groups (group id); their member users and departments are visible.</summary>
    public IReadOnlyList<string> GroupIds { get; init; } = [];
}
