namespace Corps.Emulator.Org;

/// <summary>The value of a custom attribute.</summary>
public sealed class OrgCustomAttrValue
{
    /// <summary>TEXT value.</summary>
    public string? Text { get; set; }

    /// <summary>HREF link.</summary>
    public string? Url { get; set; }

    /// <summary>HREF link on desktop.</summary>
    public string? PcUrl { get; set; }

    /// <summary>ENUMERATION option id.</summary>
    public string? OptionId { get; set; }

    /// <summary>ENUMERATION option value.</summary>
    public string? OptionValue { get; set; }
}
