using Corps.Emulator.Options;

namespace Corps.Reliability.Tests.Support;

/// <summary>How a <see cref="Rig"/> is set up.</summary>
internal sealed record RigOptions
{
    public int Users { get; init; } = 60;

    public int Seed { get; init; } = 7;

    /// <summary>Departments of the generated org; null scales with <see cref="Users"/>.</summary>
    public int? Departments { get; init; }

    public ContactScopeOptions? Scope { get; init; }

    /// <summary>Where the emulator pushes events (a port the service will listen on), or none.</summary>
    public int? EventsPort { get; init; }

    /// <summary>Scales the emulator's event re-delivery schedule (15 s, 5 min, 1 h, 6 h).</summary>
    public double TimeFactor { get; init; } = 0.001;

    /// <summary>Extra raw JSON members of the element's auth config (client tuning).</summary>
    public string ExtraAuth { get; init; } = "\"rateLimit\": \"off\"";

    /// <summary>Extra raw JSON members of e.json (guard, schedule).</summary>
    public string ExtraDefinition { get; init; } = "\"schedule\": \"0 0 3 1 1 ? 2099\"";
}
