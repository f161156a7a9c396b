namespace Corps.Host.Demo;

/// <summary>What <c>corps demo</c> generates and where it writes.</summary>
public sealed record DemoOptions
{
    /// <summary>The default number of people in the generated organisation.</summary>
    public const int DefaultUsers = 3000;

    /// <summary>People in the generated organisation (resigned ones included).</summary>
    public int Users { get; init; } = DefaultUsers;

    /// <summary>Departments below the root; null picks one per 20 people (at least 8).</summary>
    public int? Departments { get; init; }

    /// <summary>The generator's seed: the same seed and sizes give the same organisation.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The department tree's maximum depth.</summary>
    public int Depth { get; init; } = 4;

    /// <summary>True to run with Feishu's documented rate limits on both sides (the emulator enforces, the client paces).</summary>
    public bool RateLimits { get; init; } = true;

    /// <summary>The store file (absolute).</summary>
    public required string StorePath { get; init; }

    /// <summary>The departments to generate.</summary>
    public int EffectiveDepartments => Departments ?? Math.Max(8, Users / 20);
}
