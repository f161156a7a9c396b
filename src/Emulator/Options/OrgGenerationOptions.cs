namespace Corps.Emulator.Options;

/// <summary>How to generate an organisation deterministically.</summary>
public sealed record OrgGenerationOptions
{
    /// <summary>Number of people (including resigned ones).</summary>
    public int Users { get; init; } = 60;

    /// <summary>Number of departments below the root.</summary>
    public int Departments { get; init; } = 8;

    /// <summary>Maximum depth of the department tree (1 = all departments directly under the root).</summary>
    public int Depth { get; init; } = 3;

    /// <summary>Seed: the same seed and sizes always give the same organisation.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Number of user groups; null picks one per 500 people (at least 3).</summary>
    public int? Groups { get; init; }
}
