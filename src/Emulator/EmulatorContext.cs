using Corps.Emulator.Api;
using Corps.Emulator.Apps;
using Corps.Emulator.Control;
using Corps.Emulator.Events;
using Corps.Emulator.Faults;
using Corps.Emulator.Limits;
using Corps.Emulator.OAuth;
using Corps.Emulator.Options;
using Corps.Emulator.Org;

namespace Corps.Emulator;

/// <summary>Everything the endpoints share: the org, the apps, tokens, counters, limits, faults and events.</summary>
internal sealed class EmulatorContext
{
    public EmulatorContext(EmulatorOptions options, EmulatedOrg org, EventPublisher events)
    {
        Options = options;
        Org = org;
        Time = options.TimeProvider;
        Apps = new AppRegistry(options.Apps.Count > 0 ? options.Apps : [EmulatorOptions.DefaultApp]);
        Tokens = new TokenStore(Time, options.TokenLifetime);
        RateLimiter = new RateLimiter(Time) { Options = options.RateLimit };
        Faults = new FaultInjector { Options = options.Faults };
        Events = events;
        OAuth = new OAuthStore(Time);
    }

    public EmulatorOptions Options { get; }

    public EmulatedOrg Org { get; }

    public TimeProvider Time { get; }

    public AppRegistry Apps { get; }

    public TokenStore Tokens { get; }

    public CallStatistics Statistics { get; } = new();

    public RateLimiter RateLimiter { get; }

    public FaultInjector Faults { get; }

    public PageTokens PageTokens { get; } = new();

    public EventPublisher Events { get; }

    public OAuthStore OAuth { get; }

    /// <summary>client_token → created object id, for idempotent creates (touched only under the write lock).</summary>
    public Dictionary<string, string> ClientTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>The app's scope compiled against the current org version.</summary>
    public CompiledScope ScopeOf(EmulatedApp app)
    {
        var state = app.State;
        var compiled = state.Compiled;
        if (compiled is not null && compiled.Version == Org.Version) return compiled;
        compiled = CompiledScope.Build(Org, state.Scope);
        state.Compiled = compiled;
        return compiled;
    }
}
