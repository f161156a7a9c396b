namespace Corps.Emulator.Org;

/// <summary>A unit (a grouping of departments, e.g. a subsidiary).</summary>
public sealed class OrgUnit
{
    /// <summary>Unit id.</summary>
    public string UnitId { get; set; } = "";

    /// <summary>Name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Unit type.</summary>
    public string UnitType { get; set; } = "";
}
