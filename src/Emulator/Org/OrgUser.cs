using System.Text.Json.Serialization;

namespace Corps.Emulator.Org;

/// <summary>
/// A person, in Feishu's wire shape (contact v3 user). Department ids are open_department_ids and user references
/// are open_ids; the API translates them per request's <c>user_id_type</c> / <c>department_id_type</c>.
/// </summary>
public sealed class OrgUser
{
    /// <summary><c>ou_…</c>, per app in Feishu; one app-independent value here.</summary>
    public string OpenId { get; set; } = "";

    /// <summary><c>on_…</c>.</summary>
    public string UnionId { get; set; } = "";

    /// <summary>The tenant's own user id.</summary>
    public string UserId { get; set; } = "";

    /// <summary>Name.</summary>
    public string Name { get; set; } = "";

    /// <summary>English name.</summary>
    public string? EnName { get; set; }

    /// <summary>Nickname.</summary>
    public string? Nickname { get; set; }

    /// <summary>Email.</summary>
    public string? Email { get; set; }

    /// <summary>Enterprise email.</summary>
    public string? EnterpriseEmail { get; set; }

    /// <summary>Mobile with country code.</summary>
    public string? Mobile { get; set; }

    /// <summary>Whether the mobile is visible to colleagues.</summary>
    public bool MobileVisible { get; set; } = true;

    /// <summary>0 unknown, 1 male, 2 female, 3 other.</summary>
    public int Gender { get; set; }

    /// <summary>Avatar links.</summary>
    public OrgAvatar? Avatar { get; set; }

    /// <summary>Status.</summary>
    public OrgUserStatus Status { get; set; } = new();

    /// <summary>Departments (open_department_ids); empty for resigned people.</summary>
    public List<string> DepartmentIds { get; set; } = [];

    /// <summary>Direct leader's open_id.</summary>
    public string? LeaderUserId { get; set; }

    /// <summary>City.</summary>
    public string? City { get; set; }

    /// <summary>ISO country code.</summary>
    public string? Country { get; set; }

    /// <summary>Work station.</summary>
    public string? WorkStation { get; set; }

    /// <summary>Join time, unix seconds.</summary>
    public long JoinTime { get; set; }

    /// <summary>Tenant super administrator.</summary>
    public bool IsTenantManager { get; set; }

    /// <summary>Employee number.</summary>
    public string? EmployeeNo { get; set; }

    /// <summary>1 regular, 2 intern, 3 outsourced, 4 labor, 5 consultant, or a custom enum value.</summary>
    public int EmployeeType { get; set; } = 1;

    /// <summary>Orders per department.</summary>
    public List<OrgUserOrder> Orders { get; set; } = [];

    /// <summary>Custom attribute values.</summary>
    public List<OrgUserCustomAttr> CustomAttrs { get; set; } = [];

    /// <summary>Job title.</summary>
    public string? JobTitle { get; set; }

    /// <summary>The primary department (the order flagged primary, else the first department).</summary>
    [JsonIgnore]
    public string? PrimaryDepartmentId =>
        Orders.FirstOrDefault(o => o.IsPrimaryDept)?.DepartmentId ?? (DepartmentIds.Count > 0 ? DepartmentIds[0] : null);

    /// <summary>A deep copy (used for <c>old_object</c> in events).</summary>
    public OrgUser Clone()
    {
        var copy = (OrgUser)MemberwiseClone();
        copy.Status = Status.Clone();
        copy.DepartmentIds = [.. DepartmentIds];
        copy.Orders = [.. Orders.Select(o => new OrgUserOrder { DepartmentId = o.DepartmentId, UserOrder = o.UserOrder, DepartmentOrder = o.DepartmentOrder, IsPrimaryDept = o.IsPrimaryDept })];
        copy.CustomAttrs = [.. CustomAttrs];
        return copy;
    }
}
