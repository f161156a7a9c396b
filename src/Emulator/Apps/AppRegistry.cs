using Corps.Emulator.Options;

namespace Corps.Emulator.Apps;

/// <summary>The apps installed in the emulated tenant.</summary>
public sealed class AppRegistry
{
    private readonly Dictionary<string, EmulatedApp> _apps = new(StringComparer.Ordinal);

    internal AppRegistry(IEnumerable<AppOptions> apps)
    {
        foreach (var options in apps)
        {
            if (!_apps.TryAdd(options.AppId, new EmulatedApp(options)))
                throw new ArgumentException($"App '{options.AppId}' is configured twice.", nameof(apps));
            Order.Add(options.AppId);
        }
    }

    private List<string> Order { get; } = [];

    /// <summary>All apps, in configuration order.</summary>
    public IEnumerable<EmulatedApp> All => Order.Select(id => _apps[id]);

    /// <summary>The first configured app.</summary>
    public EmulatedApp Default => _apps[Order[0]];

    /// <summary>An app by id, or null.</summary>
    public EmulatedApp? Find(string appId) => _apps.GetValueOrDefault(appId);

    /// <summary>An app by id.</summary>
    /// <exception cref="KeyNotFoundException">No such app.</exception>
    public EmulatedApp this[string appId] => _apps.TryGetValue(appId, out var app) ? app : throw new KeyNotFoundException($"No app '{appId}' is installed in the emulator.");
}
