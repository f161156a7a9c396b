namespace Corps.Emulator.Org;

/// <summary>The organisation file: the tenant and its directory in Feishu's wire shape (see docs/emulator.md).</summary>
public sealed class OrgDocument
{
    /// <summary>The tenant.</summary>
    public OrgTenant Tenant { get; set; } = new();

    /// <summary>Departments, parents before children not required.</summary>
    public List<OrgDepartment> Departments { get; set; } = [];

    /// <summary>People.</summary>
    public List<OrgUser> Users { get; set; } = [];

    /// <summary>User groups.</summary>
    public List<OrgGroup> Groups { get; set; } = [];

    /// <summary>Employee types; empty means the five built-in ones.</summary>
    public List<OrgEmployeeTypeEnum> EmployeeTypeEnums { get; set; } = [];

    /// <summary>Custom attribute definitions.</summary>
    public List<OrgCustomAttrDefinition> CustomAttrs { get; set; } = [];

    /// <summary>Units.</summary>
    public List<OrgUnit> Units { get; set; } = [];
}
