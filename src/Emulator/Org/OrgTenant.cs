namespace Corps.Emulator.Org;

/// <summary>The tenant, as <c>tenant/v2/tenant/query</c> returns it.</summary>
public sealed class OrgTenant
{
    /// <summary>Tenant display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Tenant number shown to people.</summary>
    public string DisplayId { get; set; } = "";

    /// <summary>1 standard, 2 premium.</summary>
    public int TenantTag { get; set; }

    /// <summary>The tenant key carried by tokens and events.</summary>
    public string TenantKey { get; set; } = "";

    /// <summary>The tenant's domain prefix.</summary>
    public string Domain { get; set; } = "";
}
