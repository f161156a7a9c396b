using Corps.Host.Cli.Commands;

namespace Corps.Host.Cli;

/// <summary>The commands <c>corps</c> offers.</summary>
public static class CliCommands
{
    /// <summary>The built-in commands, in help order.</summary>
    public static IReadOnlyList<ICliCommand> Default { get; } =
    [
        new ListCommand(),
        new SyncCommand(),
        new CheckCommand(),
        new TreeCommand(),
        new MembersCommand(),
        new AdminCommand(),
        new RoleCommand(),
        new OfflineCommand(),
        new SignatureCommand(),
        new ServeCommand(),
        new StatusCommand(),
        new RequeueCommand(),
        new DemoCommand(),
    ];
}
