using System.Globalization;
using Corps.Abstractions;

namespace Corps.Host.Cli.Output;

/// <summary>Writes a sync report as plain lines for people: outcome, counts, guard decision, warnings, plan.</summary>
internal static class SyncReportWriter
{
    public static void Write(TextWriter output, string name, SyncReport report)
    {
        var counts = report.Counts;
        var seconds = (report.FinishedAt - report.StartedAt).TotalSeconds.ToString("0.0##", CultureInfo.InvariantCulture);
        var run = report.RunId > 0 ? $" (run {report.RunId})" : string.Empty;
        output.WriteLine($"{report.CorpFullName}: {Outcome(report.Outcome)}{run}: {RunSummary.Changes(counts)}, {report.RowsWritten} rows written, {seconds} s");
        output.WriteLine($"  upstream: {report.UpstreamDepartments} departments, {report.UpstreamMembers} members; API calls: {report.ApiCalls}");
        output.WriteLine($"  departments: {counts.DepartmentsCreated} created, {counts.DepartmentsUpdated} updated, {counts.DepartmentsMoved} moved, {counts.DepartmentsDeleted} deleted, {counts.DepartmentsRestored} restored");
        output.WriteLine($"  members: {counts.MembersCreated} created, {counts.MembersUpdated} updated, {counts.MembersOfflined} offlined, {counts.MembersRestored} restored");
        output.WriteLine($"  memberships: {counts.MembershipsAdded} added, {counts.MembershipsUpdated} updated, {counts.MembershipsRemoved} removed; group changes: {counts.GroupChanges}");
        if (report.Guard is { } guard)
            output.WriteLine($"  guard: {Guard(guard, name)}");
        foreach (var warning in report.Warnings)
            output.WriteLine($"  warning: {warning}");
        if (report.Error is { Length: > 0 } error)
            output.WriteLine($"  error: {error}");
        if (report.Plan is { Count: > 0 } plan)
        {
            output.WriteLine($"  plan ({plan.Count} changes):");
            foreach (var change in plan)
                output.WriteLine($"    {Change(change)}");
        }
    }

    private static string Outcome(SyncOutcome outcome) => outcome switch
    {
        SyncOutcome.Applied => "applied",
        SyncOutcome.Unchanged => "unchanged",
        SyncOutcome.DryRun => "dry run, nothing written",
        SyncOutcome.Held => "HELD by the deletion guard, nothing applied",
        _ => "failed",
    };

    private static string Guard(GuardDecision guard, string name)
    {
        var limits = guard.Limits;
        var numbers = $"{guard.Offlines} offlines and {guard.DepartmentDeletions} department deletions of {guard.ActiveMembers} active members " +
            $"(limits: {limits.MaxOfflines}, or {limits.MaxOfflinePercent.ToString(CultureInfo.InvariantCulture)}% above {limits.MinOfflinesForPercent})";
        if (guard.Held)
            return $"held: {guard.Reason ?? numbers} Run 'corps sync {name} --force' to apply it anyway, or 'corps sync {name} --dry-run' to see the plan.";
        return guard.Forced ? $"forced past the guard: {numbers}" : $"passed: {numbers}";
    }

    private static string Change(PlannedChange change)
    {
        var text = $"{change.Action.ToString().ToLowerInvariant()} {change.Kind.ToString().ToLowerInvariant()} {change.ExternalId}";
        if (change.Name is { Length: > 0 } changeName)
            text += $" ({changeName})";
        if (change.Detail is { Length: > 0 } detail)
            text += $": {detail}";
        return text;
    }
}
