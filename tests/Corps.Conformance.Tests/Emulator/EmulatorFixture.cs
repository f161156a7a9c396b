using System.Collections.Concurrent;
using System.Text.Json;
using Corps.Conformance.Tests.Node;
using Corps.Emulator;
using Corps.Emulator.Options;
using Corps.Emulator.Org;

namespace Corps.Conformance.Tests.Emulator;

/// <summary>
/// One in-process emulator per test class (port 0) over a generated org of a few thousand people, with the
/// conformance apps installed. The expected answers come from the emulator's own org data.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    /// <summary>A few thousand people in a few hundred departments, deterministic by seed.</summary>
    internal static OrgGenerationOptions Generation { get; } = new() { Users = 3000, Departments = 160, Depth = 4, Seed = 20261121, Groups = 12 };

    private readonly ConcurrentDictionary<string, Lazy<Task<JsonElement>>> _results = new(StringComparer.Ordinal);
    private EmulatorServer? _server;

    internal EmulatorServer Server => _server ?? throw new InvalidOperationException("The emulator has not started.");

    internal EmulatedOrg Org => Server.Org;

    internal Uri BaseUrl => Server.BaseUrl;

    internal ScopePlan Scope { get; private set; } = null!;

    internal AppOptions ScopedApp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The generator is deterministic: the same options give the org the emulator will build, so the scoped
        // app's scope can be chosen before the emulator starts.
        Scope = ScopePlan.Choose(new EmulatedOrg(OrgGenerator.Generate(Generation)));
        ScopedApp = ConformanceApps.Scoped(new ContactScopeOptions
        {
            DepartmentIds = [Scope.InsideDepartmentId],
            UserIds = [Scope.LoneUserId],
        });
        _server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Generate = Generation,
            Apps = [ConformanceApps.Full, ConformanceApps.NoEmail, ScopedApp],
        });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    internal Dictionary<string, object?> Input(AppOptions app, object? parameters = null) => ScenarioInput.For(BaseUrl, app, parameters);

    /// <summary>
    /// Runs a read-only scenario as <paramref name="app"/>, once per class and input: the tests of a class assert on
    /// different parts of one run, which keeps the suite's node start-ups (the machine's scarcest resource) few.
    /// </summary>
    internal Task<JsonElement> RunAsync(string scenario, AppOptions app, object? parameters = null)
    {
        var input = Input(app, parameters);
        var key = scenario + " " + JsonSerializer.Serialize(input);
        return _results.GetOrAdd(key, _ => new Lazy<Task<JsonElement>>(() => NodeScenario.RunAsync(scenario, input, CancellationToken.None))).Value;
    }
}
