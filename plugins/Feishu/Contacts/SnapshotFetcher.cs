using System.Collections.Concurrent;
using System.Threading.Channels;
using Corps.Abstractions;
using Corps.Feishu.Wire;
using Microsoft.Extensions.Logging;

namespace Corps.Feishu.Contacts;

/// <summary>
/// Reads the complete organisation the app can see, in the reference's full-sync order: contact scope → departments
/// (recursive per scoped department, level by level where a department is too big) → direct members of every
/// department (concurrently, bounded) → individually scoped users → user groups of both types and their user and
/// department members (departments expanded to their people) → tenant name.
/// </summary>
/// <remarks>Completeness is the contract: any failed or inconsistent read throws; no partial snapshot is returned. The
/// only parts that may be absent are the app's optional permissions (user groups, the tenant's name), logged.</remarks>
internal sealed class SnapshotFetcher
{
    private const int PageSize = 50;
    private readonly ContactApi _api;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly string _corp;
    private readonly string _fallbackRootName;
    private readonly int _parallelism;

    public SnapshotFetcher(ContactApi api, ILogger logger, TimeProvider time, string corp, string fallbackRootName)
    {
        _api = api;
        _logger = logger;
        _time = time;
        _corp = corp;
        _fallbackRootName = fallbackRootName;
        _parallelism = api.Client.Options.MaxConcurrency;
    }

    public async Task<CorpSnapshot> FetchAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var counting = _api.Client.CountCalls();
        var scope = await ReadScopeAsync(cancellationToken).ConfigureAwait(false);
        var departments = new ConcurrentDictionary<string, WireDepartment>(StringComparer.Ordinal);
        var members = new MemberAccumulator(new StringPool());

        // The root's direct members double as the full-scope probe: 40004 means the app does not see the whole tenant.
        var fullScope = await ReadMembersAsync(CorpSnapshot.RootExternalId, members, rootProbe: true, cancellationToken).ConfigureAwait(false);
        _logger.Scope(_corp, fullScope ? "the whole tenant"
            : $"{scope.Departments.Count} departments, {scope.Users.Count} users, {scope.Groups.Count} groups");

        // Everything below runs at once, sharing the client's slots: the department tree is read page by page (one after
        // another: each page's token comes with the previous one), and each department's members are read as soon as
        // its page names it, not after the whole tree; groups and the tenant depend on neither (other APIs, other
        // limits). With part of the tenant in scope, departments the scoped groups hold join the tree once the groups
        // are read (their members go through the same queue). A failure anywhere cancels the rest and fails the fetch.
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = failure.Token;
        var queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
        var queued = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        void Found(string id)
        {
            if (queued.TryAdd(id, 0))
                queue.Writer.TryWrite(id);
        }

        var membersRead = Parallel.ForEachAsync(queue.Reader.ReadAllAsync(token), Options(token),
            async (id, ct) => await ReadMembersAsync(id, members, rootProbe: false, ct).ConfigureAwait(false));
        var groupsRead = new GroupReader(_api, _logger, _corp).ReadAsync(token);
        var tenantRead = ReadTenantAsync(token);
        List<GroupRead> groups;
        WireTenant? tenant;
        try
        {
            await ReadTreeAsync(fullScope, scope.Departments, departments, Found, token).ConfigureAwait(false);
            groups = await groupsRead.ConfigureAwait(false) ?? [];
            if (!fullScope)
                await ReadGroupDepartmentsAsync(groups, departments, Found, token).ConfigureAwait(false);
            // A department the tree read named but then dropped (a listing restarted after upstream changed) had its
            // members read for nothing: their users might not be in the app's view any more. Fail rather than guess.
            if (queued.Keys.FirstOrDefault(id => !departments.ContainsKey(id)) is { } stale)
            {
                throw new UpstreamException($"The department tree of {_corp} changed while it was read (department {stale} disappeared).",
                    "Run the sync again; the next read sees the settled tree.");
            }

            foreach (var id in departments.Keys)
                Found(id);
            queue.Writer.TryComplete();
            await membersRead.ConfigureAwait(false);
            tenant = await tenantRead.ConfigureAwait(false);
        }
        catch
        {
            await failure.CancelAsync().ConfigureAwait(false);
            queue.Writer.TryComplete();
            await Settle(membersRead, groupsRead, tenantRead).ConfigureAwait(false);
            throw;
        }

        await ReadLoneUsersAsync(scope.Users.Where(id => !members.Contains(id)).ToList(), members, cancellationToken).ConfigureAwait(false);
        await ReadLoneUsersAsync(groups.SelectMany(g => g.UserIds).Distinct(StringComparer.Ordinal)
            .Where(id => !members.Contains(id)).ToList(), members, cancellationToken).ConfigureAwait(false);

        var mapped = departments.Values.Select(WireMapper.ToDepartment).ToList();
        var ids = mapped.Select(d => d.ExternalId).ToHashSet(StringComparer.Ordinal);
        // A scoped department whose parent the app cannot see hangs under the root.
        mapped = mapped.Select(d => d.ParentExternalId is { } p && !ids.Contains(p) ? d with { ParentExternalId = null } : d).ToList();
        var memberList = members.Build(ids, tenant?.TenantKey);
        var snapshot = new CorpSnapshot
        {
            RootName = string.IsNullOrWhiteSpace(tenant?.Name) ? _fallbackRootName : tenant.Name,
            Departments = mapped,
            Members = memberList,
            Groups = GroupExpander.Expand(groups, mapped, memberList, (group, department) => _logger.GroupDepartmentUnknown(_corp, group, department)),
            FetchedAt = _time.GetUtcNow(),
            ApiCalls = counting.Calls,
        };
        _logger.Fetched(_corp, mapped.Count, memberList.Count, snapshot.Groups.Count, snapshot.ApiCalls,
            (long)_time.GetElapsedTime(started).TotalMilliseconds);
        return snapshot;
    }

    private async Task<(List<string> Departments, List<string> Users, List<string> Groups)> ReadScopeAsync(CancellationToken cancellationToken)
    {
        var pages = await PagedList.ReadAllAsync(() => _api.ScopesAsync(cancellationToken), page => new[] { page }).ConfigureAwait(false);
        return (
            pages.SelectMany(p => p.DepartmentIds ?? []).Distinct(StringComparer.Ordinal).ToList(),
            pages.SelectMany(p => p.UserIds ?? []).Distinct(StringComparer.Ordinal).ToList(),
            pages.SelectMany(p => p.GroupIds ?? []).Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>Reads every department in the app's view into <paramref name="departments"/>, naming each one to
    /// <paramref name="found"/> as soon as a page holds it.</summary>
    private async Task ReadTreeAsync(bool fullScope, List<string> scopedDepartments, ConcurrentDictionary<string, WireDepartment> departments,
        Action<string> found, CancellationToken cancellationToken)
    {
        if (fullScope)
        {
            await ReadSubtreeAsync(CorpSnapshot.RootExternalId, departments, found, cancellationToken).ConfigureAwait(false);
            return;
        }

        var scoped = scopedDepartments.Where(id => id != CorpSnapshot.RootExternalId).ToList();
        foreach (var chunk in scoped.Chunk(ContactApi.BatchLimit))
        {
            foreach (var department in await _api.DepartmentsBatchAsync(chunk, cancellationToken).ConfigureAwait(false))
            {
                if (Add(departments, department))
                    found(department.OpenDepartmentId!);
            }
        }

        // One by one, so a scoped department that lies inside another's subtree is not read twice (each subtree
        // read is a handful of calls: 50 departments a page).
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in scoped)
        {
            if (covered.Contains(id))
                continue;
            var subtree = new ConcurrentDictionary<string, WireDepartment>(StringComparer.Ordinal);
            await ReadSubtreeAsync(id, subtree, found, cancellationToken).ConfigureAwait(false);
            foreach (var (childId, child) in subtree)
            {
                covered.Add(childId);
                departments[childId] = child;
            }
        }
    }

    private async Task ReadSubtreeAsync(string departmentId, ConcurrentDictionary<string, WireDepartment> into, Action<string> found,
        CancellationToken cancellationToken)
    {
        try
        {
            // Each page's departments are named as the page arrives; they join the tree once the listing is complete.
            AddAll(into, await PagedList.ReadAllAsync(() => _api.ChildrenAsync(departmentId, recursive: true, PageSize, cancellationToken),
                p => Announce(p.Items, found)).ConfigureAwait(false));
        }
        catch (UpstreamException ex) when (ex.Code == 43010)
        {
            _logger.LevelByLevel(_corp, departmentId);
            await ReadLevelByLevelAsync(departmentId, into, found, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReadLevelByLevelAsync(string departmentId, ConcurrentDictionary<string, WireDepartment> into, Action<string> found,
        CancellationToken cancellationToken)
    {
        var level = new List<string> { departmentId };
        while (level.Count > 0)
        {
            var next = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(level, Options(cancellationToken), async (id, ct) =>
            {
                var children = await PagedList.ReadAllAsync(() => _api.ChildrenAsync(id, recursive: false, PageSize, ct), p => p.Items).ConfigureAwait(false);
                foreach (var child in children)
                {
                    if (Add(into, child))
                    {
                        found(child.OpenDepartmentId!);
                        next.Add(child.OpenDepartmentId!);
                    }
                }
            }).ConfigureAwait(false);
            level = [.. next];
        }
    }

    private static IReadOnlyList<WireDepartment>? Announce(IReadOnlyList<WireDepartment>? page, Action<string> found)
    {
        foreach (var department in page ?? [])
        {
            if (!string.IsNullOrEmpty(department.OpenDepartmentId) && department.Status?.IsDeleted != true)
                found(department.OpenDepartmentId);
        }

        return page;
    }

    /// <summary>Waits for the reads a failure cancelled, so none outlives the fetch; their own errors are the first
    /// failure's consequences and are dropped.</summary>
    private static async Task Settle(params Task[] reads)
    {
        foreach (var read in reads)
        {
            try
            {
                await read.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or UpstreamException)
            {
            }
        }
    }

    /// <returns>False only for the root probe refused with 40004 (the app does not see the whole tenant).</returns>
    private async Task<bool> ReadMembersAsync(string departmentId, MemberAccumulator into, bool rootProbe, CancellationToken cancellationToken)
    {
        try
        {
            var users = await PagedList.ReadAllAsync(() => _api.UsersByDepartmentAsync(departmentId, PageSize, cancellationToken), p => p.Items)
                .ConfigureAwait(false);
            foreach (var user in users)
                into.Add(user, departmentId);

            return true;
        }
        catch (UpstreamException ex) when (rootProbe && ex.Code == 40004)
        {
            return false;
        }
    }

    private async Task ReadLoneUsersAsync(IReadOnlyList<string> openIds, MemberAccumulator into, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(openIds.Chunk(ContactApi.BatchLimit), Options(cancellationToken), async (chunk, ct) =>
        {
            foreach (var user in await _api.UsersBatchAsync(chunk, ct).ConfigureAwait(false))
                into.Add(user, departmentId: null);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the departments that scoped groups hold but the scoped departments did not cover: a group in the contact
    /// scope brings its departments' subtrees into the app's view, and their people are the group's. Read like scoped
    /// departments (the department, then its subtree), so their members are listed with the rest.
    /// </summary>
    /// <remarks>A department the app turns out not to see (40004) stays out of the tree; the expansion logs it and gives
    /// the group nobody from it (the group's other members still count, and the next sync tries again).</remarks>
    private async Task ReadGroupDepartmentsAsync(List<GroupRead> groups, ConcurrentDictionary<string, WireDepartment> departments,
        Action<string> found, CancellationToken cancellationToken)
    {
        var missing = groups.SelectMany(g => g.DepartmentIds)
            .Where(id => id != CorpSnapshot.RootExternalId && !departments.ContainsKey(id))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var id in missing)
        {
            if (departments.ContainsKey(id))
                continue; // inside the subtree of a group department read before it
            try
            {
                foreach (var department in await _api.DepartmentsBatchAsync([id], cancellationToken).ConfigureAwait(false))
                {
                    if (Add(departments, department))
                        found(department.OpenDepartmentId!);
                }

                if (departments.ContainsKey(id))
                    await ReadSubtreeAsync(id, departments, found, cancellationToken).ConfigureAwait(false);
            }
            catch (UpstreamException ex) when (ex.Code == 40004)
            {
                // Out of the app's view after all: GroupExpander reports it.
            }
        }
    }

    private async Task<WireTenant?> ReadTenantAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _api.TenantAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (UpstreamException ex) when (ex.Code == 99991672)
        {
            _logger.TenantNameUnavailable(_corp, "the app lacks the tenant information permission");
            return null;
        }
    }

    private ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken };

    private static void AddAll(ConcurrentDictionary<string, WireDepartment> into, IEnumerable<WireDepartment>? departments)
    {
        foreach (var department in departments ?? [])
            Add(into, department);
    }

    private static bool Add(ConcurrentDictionary<string, WireDepartment> into, WireDepartment department)
    {
        if (string.IsNullOrEmpty(department.OpenDepartmentId) || department.Status?.IsDeleted == true)
            return false;
        // A department met twice (a scoped one inside another's subtree) keeps its latest copy; "new" drives level-by-level.
        var isNew = into.TryAdd(department.OpenDepartmentId, department);
        if (!isNew)
            into[department.OpenDepartmentId] = department;
        return isNew;
    }
}
