using System.CommandLine;
using Corps.Host.Cli.Logging;
using Corps.Host.Cli.Output;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Corps.Host.Cli;

/// <summary>One command invocation: the resolved global options, the output channels and the host's parts.</summary>
public sealed class CliContext : IDisposable
{
    internal CliContext(CliGlobals globals, ParseResult parseResult)
    {
        var options = globals.Options;
        ElementsDirectory = Path.GetFullPath(parseResult.GetValue(globals.Elements)!);
        StorePath = Path.GetFullPath(parseResult.GetValue(globals.Store)!);
        PluginsDirectory = Path.GetFullPath(parseResult.GetValue(globals.Plugins)!);
        Json = parseResult.GetValue(globals.Json);
        Verbose = parseResult.GetValue(globals.Verbose);
        Output = globals.Output;
        Error = globals.Error;
        Environment = options.Environment;
        Time = options.Time;
        Interactive = !Json && (options.Interactive ?? DetectInteractive(globals.Output));
        Console = Consoles.Create(Output, Interactive);
        LoggerFactory = Verbose
            ? Microsoft.Extensions.Logging.LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(new TextWriterLoggerProvider(Error, Time)))
            : Microsoft.Extensions.Logging.LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.None));
    }

    /// <summary>The elements directory (absolute).</summary>
    public string ElementsDirectory { get; }

    /// <summary>The store file (absolute).</summary>
    public string StorePath { get; }

    /// <summary>The plugins directory (absolute).</summary>
    public string PluginsDirectory { get; }

    /// <summary>True when the command writes one JSON document to stdout.</summary>
    public bool Json { get; }

    /// <summary>True when logs and stack traces go to stderr.</summary>
    public bool Verbose { get; }

    /// <summary>True when a person watches a terminal (live progress, colours).</summary>
    public bool Interactive { get; }

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Spectre.Console over <see cref="Output"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Environment lookups for <c>${env:VAR}</c>.</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Loggers (silent unless <c>--verbose</c>).</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Loads elements and plugins, opens the store (unless <paramref name="openStore"/> is false) and creates the corps.</summary>
    public Task<CorpsSession> OpenSessionAsync(bool openStore, CancellationToken cancellationToken) =>
        CorpsSession.OpenAsync(this, openStore, cancellationToken);

    /// <summary>Writes <paramref name="document"/> as the command's one JSON document.</summary>
    public void WriteJson<T>(T document) => CliJson.Write(Output, document);

    /// <summary>A progress line for people: on stdout when plain text is the output, on stderr under <c>--json</c>.</summary>
    public void Progress(string line) => (Json ? Error : Output).WriteLine(line);

    /// <inheritdoc/>
    public void Dispose() => LoggerFactory.Dispose();

    private static bool DetectInteractive(TextWriter output) =>
        ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
}
