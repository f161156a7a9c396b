using System.CommandLine;

namespace Corps.Host.Cli;

/// <summary>One top-level <c>corps</c> command. Register an implementation in <see cref="CliCommands.Default"/>.</summary>
/// <remarks>
/// Implementations build their <see cref="Command"/> with <see cref="CliAction.Set"/> so that every command shares the
/// global options, the error handling and the exit codes.
/// </remarks>
public interface ICliCommand
{
    /// <summary>Builds the command.</summary>
    Command Create(CliGlobals globals);
}
