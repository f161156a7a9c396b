using System.CommandLine;

namespace Corps.Host.Cli;

/// <summary>The <c>corps</c> command line, callable in-process.</summary>
public static class CorpsCli
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="options">Environment, clock and commands; defaults for a real process when null.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CorpsCliOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        options ??= new CorpsCliOptions();

        var globals = new CliGlobals(options, output, error);
        var root = CreateRootCommand(globals);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // Bad arguments are a configuration error (exit 2), not the parser's default exit 1.
            foreach (var parseError in parseResult.Errors)
                await error.WriteLineAsync($"error: {parseError.Message}").ConfigureAwait(false);
            await error.WriteLineAsync("Run 'corps --help' (or 'corps COMMAND --help') for usage.").ConfigureAwait(false);
            return ExitCodes.Configuration;
        }

        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            // Ctrl+C/SIGTERM cancel the command's token; the process is killed only if the command has not returned by
            // then. The default (2 s) would cut 'corps serve' off while it lets a running sync finish (up to 30 s).
            ProcessTerminationTimeout = TimeSpan.FromSeconds(35),
        };
        return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds the root command with the global options and every command of <paramref name="globals"/>.</summary>
    public static RootCommand CreateRootCommand(CliGlobals globals)
    {
        ArgumentNullException.ThrowIfNull(globals);
        var root = new RootCommand("corps: keeps a local user pool in step with upstream directories (Feishu, Lark and plugins).")
        {
            globals.Elements,
            globals.Store,
            globals.Plugins,
            globals.Json,
            globals.Verbose,
        };
        foreach (var command in globals.Options.Commands)
            root.Add(command.Create(globals));
        return root;
    }
}
