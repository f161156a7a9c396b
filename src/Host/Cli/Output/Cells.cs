using Spectre.Console;
using Spectre.Console.Rendering;

namespace Corps.Host.Cli.Output;

/// <summary>Table cells from plain text (never parsed as Spectre markup: names may contain brackets).</summary>
internal static class Cells
{
    public static IRenderable[] Of(params string?[] values) =>
        values.Select(value => (IRenderable)new Text(value ?? string.Empty)).ToArray();

    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
            table.AddColumn(new TableColumn(new Text(header)));
        return table;
    }
}
