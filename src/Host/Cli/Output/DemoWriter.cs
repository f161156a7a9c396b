using System.Globalization;
using Corps.Host.Demo;
using Spectre.Console;

namespace Corps.Host.Cli.Output;

/// <summary><c>corps demo</c> for people: the summary, the top of the tree and the sync reports.</summary>
internal static class DemoWriter
{
    private const int TopShown = 12;

    public static void WriteFullSync(CliContext context, DemoSyncDocument full, DemoPoolDocument pool, string rootName,
        IReadOnlyList<DemoDepartmentDocument> top, IReadOnlyDictionary<string, long> minimum)
    {
        var output = context.Output;
        output.WriteLine();
        var summary = Cells.Table("Local user pool", "");
        summary.AddRow(Cells.Of("departments", Number(pool.Departments)));
        summary.AddRow(Cells.Of("members", $"{Number(pool.ActiveMembers)} active, {Number(pool.InactiveMembers)} frozen or not activated"));
        summary.AddRow(Cells.Of("memberships", Number(pool.Memberships)));
        summary.AddRow(Cells.Of("user groups", Number(pool.Groups)));
        summary.AddRow(Cells.Of("API calls", $"{Number(full.Calls.Total)} (minimum possible: {Number(minimum.Values.Sum())}; {Number(full.Calls.Throttled)} throttled)"));
        summary.AddRow(Cells.Of("wall time", Seconds(full.WallSeconds)));
        context.Console.Write(summary);

        var tree = new Tree(new Text(rootName));
        foreach (var department in top.Take(TopShown))
            tree.AddNode(new Text($"{department.Name} ({Number(department.People)} people, {Plural(department.SubDepartments, "sub-department")})"));
        if (top.Count > TopShown)
            tree.AddNode(new Text($"… and {top.Count - TopShown} more"));
        context.Console.Write(tree);

        output.WriteLine();
        SyncReportWriter.Write(output, DemoUpstream.ElementName, full.Report);
        output.WriteLine();
    }

    public static void WriteSecondSync(CliContext context, DemoDocument document)
    {
        var output = context.Output;
        var second = document.SecondSync;
        SyncReportWriter.Write(output, DemoUpstream.ElementName, second.Report);
        output.WriteLine($"  {Number(second.Calls.Total)} API calls, {Seconds(second.WallSeconds)}: the same organisation twice writes nothing.");
        output.WriteLine();
        output.WriteLine($"The pool is in {document.Store} (SQLite). 'corps demo --json' prints all of this as one document; 'corps demo --help' shows the options.");
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Plural(int count, string noun) => $"{Number(count)} {noun}{(count == 1 ? string.Empty : "s")}";

    private static string Seconds(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
