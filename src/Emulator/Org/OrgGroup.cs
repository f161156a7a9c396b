namespace Corps.Emulator.Org;

/// <summary>A user group with its members.</summary>
public sealed class OrgGroup
{
    /// <summary>The group id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The tenant's custom group id.</summary>
    public string? GroupId { get; set; }

    /// <summary>Name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>1 normal, 2 dynamic.</summary>
    public int Type { get; set; } = 1;

    /// <summary>Members.</summary>
    public List<OrgGroupMember> Members { get; set; } = [];
}
