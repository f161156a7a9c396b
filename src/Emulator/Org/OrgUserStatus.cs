namespace Corps.Emulator.Org;

/// <summary>A person's account status.</summary>
public sealed class OrgUserStatus
{
    /// <summary>Frozen by an administrator.</summary>
    public bool IsFrozen { get; set; }

    /// <summary>Left the company.</summary>
    public bool IsResigned { get; set; }

    /// <summary>Has activated the account.</summary>
    public bool IsActivated { get; set; } = true;

    /// <summary>Has exited voluntarily.</summary>
    public bool IsExited { get; set; }

    /// <summary>Has not joined yet.</summary>
    public bool IsUnjoin { get; set; }

    /// <summary>A copy.</summary>
    public OrgUserStatus Clone() => (OrgUserStatus)MemberwiseClone();
}
