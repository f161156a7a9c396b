namespace Corps.Emulator.Options;

/// <summary>How the emulator throttles calls.</summary>
public enum RateLimitMode
{
    /// <summary>No throttling.</summary>
    Off,

    /// <summary>The documented limits: 50/s and 1000/min per API and app.</summary>
    Realistic,

    /// <summary>The limits given in <see cref="RateLimitOptions"/>, per API and app.</summary>
    Custom,
}
