using System.Globalization;
using Corps.Abstractions;

namespace Corps.Host.Sync;

/// <summary>Decides whether a plan takes away too much to apply without an operator (see <see cref="DeletionGuardOptions"/>).</summary>
internal static class DeletionGuard
{
    public static GuardDecision Evaluate(string corpName, SyncCounts counts, int activeMembers, int activeDepartments, DeletionGuardOptions limits, bool force)
    {
        var reasons = new List<string>();
        Check(reasons, "offline", "active members", counts.MembersOfflined, activeMembers, limits);
        Check(reasons, "delete", "departments", counts.DepartmentsDeleted, activeDepartments, limits);
        var held = reasons.Count > 0;
        return new GuardDecision
        {
            Held = held && !force,
            Forced = held && force,
            Offlines = counts.MembersOfflined,
            DepartmentDeletions = counts.DepartmentsDeleted,
            ActiveMembers = activeMembers,
            Limits = limits,
            Reason = held
                ? $"The plan would {string.Join(" and ", reasons)}. Review it with 'corps sync {corpName} --dry-run' and apply it with 'corps sync {corpName} --force'."
                : null,
        };
    }

    private static void Check(List<string> reasons, string verb, string what, int taken, int total, DeletionGuardOptions limits)
    {
        if (taken <= 0)
            return;
        var percent = total == 0 ? 100 : taken * 100.0 / total;
        var shown = percent.ToString("0.#", CultureInfo.InvariantCulture);
        if (taken > limits.MaxOfflines)
        {
            reasons.Add($"{verb} {taken} of {total} {what} ({shown}%), more than the limit of {limits.MaxOfflines} (guard.maxOfflines)");
        }
        else if (taken > limits.MinOfflinesForPercent && percent > limits.MaxOfflinePercent)
        {
            var limit = limits.MaxOfflinePercent.ToString("0.#", CultureInfo.InvariantCulture);
            reasons.Add($"{verb} {taken} of {total} {what} ({shown}%), more than the limit of {limit}% (guard.maxOfflinePercent)");
        }
    }
}
