namespace Corps.Host.Cli;

/// <summary>What the process (or a test) hands the CLI besides its arguments.</summary>
public sealed record CorpsCliOptions
{
    /// <summary>Looks up environment variables (for <c>${env:VAR}</c> in elements).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether people are watching (Spectre tables, colours and live progress); null detects it from the console.</summary>
    public bool? Interactive { get; init; }

    /// <summary>The default for <c>--plugins</c>: <c>plugins/</c> beside the executable.</summary>
    public string DefaultPluginsDirectory { get; init; } = Plugins.PluginLoader.DefaultDirectory;

    /// <summary>The commands to offer; <see cref="CliCommands.Default"/> unless a host adds its own.</summary>
    public IReadOnlyList<ICliCommand> Commands { get; init; } = CliCommands.Default;
}
