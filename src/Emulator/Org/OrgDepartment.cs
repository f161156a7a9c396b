namespace Corps.Emulator.Org;

/// <summary>A department, in Feishu's wire shape (contact v3 department).</summary>
public sealed class OrgDepartment
{
    /// <summary>Name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Names per language.</summary>
    public OrgI18nName? I18nName { get; set; }

    /// <summary>Parent's open_department_id, or "0" under the root.</summary>
    public string ParentDepartmentId { get; set; } = "0";

    /// <summary>The tenant's own department id.</summary>
    public string DepartmentId { get; set; } = "";

    /// <summary><c>od-…</c>.</summary>
    public string OpenDepartmentId { get; set; } = "";

    /// <summary>Leader's open_id.</summary>
    public string? LeaderUserId { get; set; }

    /// <summary>Department group chat.</summary>
    public string? ChatId { get; set; }

    /// <summary>Sort order (a string on the wire).</summary>
    public string Order { get; set; } = "0";

    /// <summary>Units (at most one).</summary>
    public List<string> UnitIds { get; set; } = [];

    /// <summary>Leaders.</summary>
    public List<OrgDepartmentLeader> Leaders { get; set; } = [];

    /// <summary>Status.</summary>
    public OrgDepartmentStatus Status { get; set; } = new();

    /// <summary>A copy (used for <c>old_object</c> in events).</summary>
    public OrgDepartment Clone()
    {
        var copy = (OrgDepartment)MemberwiseClone();
        copy.UnitIds = [.. UnitIds];
        copy.Leaders = [.. Leaders];
        copy.Status = new OrgDepartmentStatus { IsDeleted = Status.IsDeleted };
        return copy;
    }
}
