namespace Corps.Emulator.Org;

/// <summary>A custom user attribute defined by the tenant.</summary>
public sealed class OrgCustomAttrDefinition
{
    /// <summary>Attribute id (<c>C-…</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>TEXT, HREF, ENUMERATION, GENERIC_USER or PICTURE_ENUM.</summary>
    public string Type { get; set; } = "TEXT";

    /// <summary>Display name (zh_cn).</summary>
    public string Name { get; set; } = "";

    /// <summary>English display name.</summary>
    public string? EnName { get; set; }

    /// <summary>Options for ENUMERATION.</summary>
    public List<OrgCustomAttrOption> Options { get; set; } = [];
}
