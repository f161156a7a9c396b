namespace Corps.Abstractions;

/// <summary>A member's state in one corp.</summary>
public enum MemberStatus
{
    /// <summary>Working and able to sign in through this corp.</summary>
    Active = 0,

    /// <summary>Left the organisation upstream, or offlined locally. Cannot sign in through this corp.</summary>
    Resigned = 1,

    /// <summary>Suspended upstream. Cannot sign in through this corp.</summary>
    Frozen = 2,

    /// <summary>Invited but has not activated the account yet.</summary>
    NotActivated = 3,
}
