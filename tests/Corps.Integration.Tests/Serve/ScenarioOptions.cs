using Corps.Emulator.Options;

namespace Corps.Integration.Tests.Serve;

/// <summary>How a <see cref="ServeScenario"/> is set up.</summary>
internal sealed record ScenarioOptions
{
    /// <summary>Element names; each gets its own element folder and event URL (all on the emulator's one app).</summary>
    public IReadOnlyList<string> Corps { get; init; } = ["Acme"];

    /// <summary>The elements' <c>schedule</c>; the default never fires during a test.</summary>
    public string? Schedule { get; init; } = "0 0 3 1 1 ? 2099";

    public bool ProcessEvents { get; init; } = true;

    public ContactScopeOptions? Scope { get; init; }

    public int Users { get; init; } = 12;

    public bool OutOfOrder { get; init; }

    public double DuplicateRate { get; init; }
}
