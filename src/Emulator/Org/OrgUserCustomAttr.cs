namespace Corps.Emulator.Org;

/// <summary>A person's value for one custom attribute.</summary>
public sealed class OrgUserCustomAttr
{
    /// <summary>TEXT, HREF, ENUMERATION, GENERIC_USER or PICTURE_ENUM.</summary>
    public string Type { get; set; } = "TEXT";

    /// <summary>The attribute id (<c>C-…</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The value.</summary>
    public OrgCustomAttrValue Value { get; set; } = new();
}
