using System.CommandLine;

namespace Corps.Host.Cli;

/// <summary>The options every command takes, and what the process handed the CLI.</summary>
public sealed class CliGlobals
{
    internal CliGlobals(CorpsCliOptions options, TextWriter output, TextWriter error)
    {
        Options = options;
        Output = output;
        Error = error;
        Plugins = new Option<string>("--plugins")
        {
            Description = "The plugins directory (default: plugins/ beside the corps executable).",
            DefaultValueFactory = _ => options.DefaultPluginsDirectory,
            Recursive = true,
        };
    }

    /// <summary><c>--elements DIR</c>: the folder holding <c>corps/&lt;Name&gt;/</c>.</summary>
    public Option<string> Elements { get; } = new("--elements")
    {
        Description = "The elements directory (holds corps/<Name>/e.json).",
        DefaultValueFactory = _ => "elements",
        Recursive = true,
    };

    /// <summary><c>--store PATH</c>: the SQLite file of the local user pool.</summary>
    public Option<string> Store { get; } = new("--store")
    {
        Description = "The local user pool's SQLite file.",
        DefaultValueFactory = _ => Path.Combine("data", "corps.db"),
        Recursive = true,
    };

    /// <summary><c>--plugins DIR</c>.</summary>
    public Option<string> Plugins { get; }

    /// <summary><c>--json</c>: one JSON document on stdout instead of tables.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write one JSON document to stdout (see docs/cli.md).",
        Recursive = true,
    };

    /// <summary><c>--verbose</c>: logs and stack traces on stderr.</summary>
    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Log to stderr and show stack traces of unexpected errors.",
        Recursive = true,
    };

    /// <summary>What the process handed the CLI.</summary>
    public CorpsCliOptions Options { get; }

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }
}
