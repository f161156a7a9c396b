using Spectre.Console;

namespace Corps.Host.Cli.Output;

/// <summary>Creates Spectre consoles over any writer.</summary>
internal static class Consoles
{
    /// <summary>Wide enough that tables written to files and pipes do not wrap mid-value.</summary>
    private const int PlainWidth = 160;

    public static IAnsiConsole Create(TextWriter output, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!interactive)
            console.Profile.Width = PlainWidth;
        return console;
    }
}
