namespace Corps.Emulator.Org;

/// <summary>A person's avatar links.</summary>
public sealed class OrgAvatar
{
    /// <summary>72×72.</summary>
    public string? Avatar72 { get; set; }

    /// <summary>240×240.</summary>
    public string? Avatar240 { get; set; }

    /// <summary>640×640.</summary>
    public string? Avatar640 { get; set; }

    /// <summary>The original picture.</summary>
    public string? AvatarOrigin { get; set; }
}
