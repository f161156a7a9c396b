using Microsoft.Extensions.Logging;

namespace Corps.Host.Serve;

/// <summary>Where a service finds its elements, plugins and store.</summary>
public sealed record ServeRuntimeOptions
{
    /// <summary>The elements directory.</summary>
    public required string ElementsDirectory { get; init; }

    /// <summary>The plugins directory.</summary>
    public required string PluginsDirectory { get; init; }

    /// <summary>The store file (created and migrated when missing).</summary>
    public required string StorePath { get; init; }

    /// <summary>Environment lookups for <c>${env:VAR}</c> in auth configs.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Loggers for the store, the plugins and the corps.</summary>
    public required ILoggerFactory LoggerFactory { get; init; }
}
