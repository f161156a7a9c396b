namespace Corps.Emulator.Org;

/// <summary>A department's status.</summary>
public sealed class OrgDepartmentStatus
{
    /// <summary>True once deleted.</summary>
    public bool IsDeleted { get; set; }
}
