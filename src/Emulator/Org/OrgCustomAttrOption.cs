namespace Corps.Emulator.Org;

/// <summary>An option of an ENUMERATION custom attribute.</summary>
public sealed class OrgCustomAttrOption
{
    /// <summary>Option id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Option value.</summary>
    public string Value { get; set; } = "";

    /// <summary>Option name.</summary>
    public string? Name { get; set; }
}
