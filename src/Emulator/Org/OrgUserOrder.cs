namespace Corps.Emulator.Org;

/// <summary>A person's sort order within one of their departments.</summary>
public sealed class OrgUserOrder
{
    /// <summary>The department (open_department_id in the org file).</summary>
    public string DepartmentId { get; set; } = "";

    /// <summary>Order of the person in the department.</summary>
    public int UserOrder { get; set; }

    /// <summary>Order of the department among the person's departments.</summary>
    public int DepartmentOrder { get; set; }

    /// <summary>True for the person's primary department.</summary>
    public bool IsPrimaryDept { get; set; }
}
