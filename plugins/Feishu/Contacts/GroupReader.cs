using System.Collections.Concurrent;
using Corps.Abstractions;
using Corps.Feishu.Wire;
using Microsoft.Extensions.Logging;

namespace Corps.Feishu.Contacts;

/// <summary>
/// Reads every user group the app can see, both types (the list serves one type per read), and each group's user and
/// department members (one member type per read). A member list the group's listing counts as empty is not read.
/// </summary>
/// <remarks>Without the group permission there is nothing to read, which is a setting, not a failure: the result is
/// null and the skip is logged. Any other failure throws (a partial group list would remove memberships).</remarks>
internal sealed class GroupReader
{
    private readonly ContactApi _api;
    private readonly ILogger _logger;
    private readonly string _corp;
    private readonly int _parallelism;

    public GroupReader(ContactApi api, ILogger logger, string corp)
    {
        _api = api;
        _logger = logger;
        _corp = corp;
        _parallelism = api.Client.Options.MaxConcurrency;
    }

    /// <returns>The groups ordered by id, or null when the app lacks the group permission.</returns>
    public async Task<List<GroupRead>?> ReadAsync(CancellationToken cancellationToken)
    {
        var listed = new List<(WireGroup Group, int Type)>();
        try
        {
            foreach (var type in GroupTypes.All)
            {
                var groups = await PagedList.ReadAllAsync(() => _api.GroupsAsync(type, cancellationToken), p => p.GroupList).ConfigureAwait(false);
                listed.AddRange(groups.Where(g => !string.IsNullOrEmpty(g.Id)).Select(g => (g, g.Type ?? type)));
            }
        }
        catch (UpstreamException ex) when (ex.Code == 99991672)
        {
            _logger.GroupsSkipped(_corp, "the app lacks the user group permission (contact:group:readonly)");
            return null;
        }

        var read = new ConcurrentBag<GroupRead>();
        await Parallel.ForEachAsync(listed.DistinctBy(g => g.Group.Id), new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                var (group, type) = entry;
                var users = MayHaveMembers(group.MemberUserCount) ? await MembersAsync(group.Id!, "user", ct).ConfigureAwait(false) : [];
                var departments = MayHaveMembers(group.MemberDepartmentCount) ? await MembersAsync(group.Id!, "department", ct).ConfigureAwait(false) : [];
                read.Add(new GroupRead(group.Id!, group.Name ?? group.Id!, string.IsNullOrEmpty(group.Description) ? null : group.Description,
                    type, users, departments));
            }).ConfigureAwait(false);
        return read.OrderBy(g => g.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The listing counts each member type (<c>member_user_count</c>, <c>member_department_count</c>); a list counted
    /// empty is not read (most groups hold no departments, and dynamic groups never do). A count the listing leaves out
    /// says nothing, so that list is read.</summary>
    private static bool MayHaveMembers(int? count) => count is not 0;

    private async Task<List<string>> MembersAsync(string groupId, string memberType, CancellationToken cancellationToken) =>
        (await PagedList.ReadAllAsync(() => _api.GroupMembersAsync(groupId, memberType, cancellationToken), p => p.MemberList).ConfigureAwait(false))
            .Where(m => !string.IsNullOrEmpty(m.MemberId) && (m.MemberType ?? memberType) == memberType)
            .Select(m => m.MemberId!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
