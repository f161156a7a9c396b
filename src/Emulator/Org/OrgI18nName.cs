namespace Corps.Emulator.Org;

/// <summary>A department's names per language.</summary>
public sealed class OrgI18nName
{
    /// <summary>Chinese.</summary>
    public string? ZhCn { get; set; }

    /// <summary>Japanese.</summary>
    public string? JaJp { get; set; }

    /// <summary>English.</summary>
    public string? EnUs { get; set; }
}
