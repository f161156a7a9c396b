using Corps.Abstractions;
using Corps.Feishu.Client;
using Corps.Feishu.Contacts;
using Corps.Feishu.Wire;

namespace Corps.Feishu.Checks;

/// <summary>
/// <c>corps check</c> for a Feishu/Lark corp: the credentials, the tenant, the contact scope, and which permissions the
/// app has, told apart by probing the APIs and looking at which permission-gated fields come back.
/// </summary>
/// <remarks>Reads a page or two, never the whole organisation. Upstream failures become items; nothing throws but
/// cancellation.</remarks>
internal sealed class ConnectionChecker
{
    private const int ProbeSize = 50;
    private readonly ContactApi _api;
    private readonly FeishuCloud _cloud;
    private readonly List<ConnectionCheckItem> _items = [];

    public ConnectionChecker(ContactApi api, FeishuCloud cloud)
    {
        _api = api;
        _cloud = cloud;
    }

    private string Console => _cloud.ConsoleName;

    public async Task<IReadOnlyList<ConnectionCheckItem>> CheckAsync(CancellationToken cancellationToken)
    {
        var options = _api.Client.Options;
        if (!await Probe("credentials", async () =>
            {
                await _api.Client.VerifyCredentialsAsync(cancellationToken).ConfigureAwait(false);
                Ok("credentials", $"app {options.AppId} got a tenant token from {options.BaseUrl.Host}");
            }).ConfigureAwait(false))
        {
            return _items;
        }

        await Probe("tenant", async () =>
        {
            var tenant = await _api.TenantAsync(cancellationToken).ConfigureAwait(false);
            Ok("tenant", $"'{tenant?.Name}' (tenant key {tenant?.TenantKey})");
        }, missingPermission: CheckStatus.Warning).ConfigureAwait(false);

        var scope = await ProbeScopeAsync(cancellationToken).ConfigureAwait(false);
        if (scope is null)
            return _items;

        await Probe("departments", async () =>
        {
            var probeDept = scope.Value.Full ? CorpSnapshot.RootExternalId : scope.Value.Departments.FirstOrDefault();
            if (probeDept is null)
            {
                Ok("departments", "no scoped department to read");
                return;
            }

            var children = await FirstPage(_api.ChildrenAsync(probeDept, recursive: false, ProbeSize, cancellationToken)).ConfigureAwait(false);
            CheckDepartmentFields(children);
        }).ConfigureAwait(false);

        await Probe("users", async () => CheckUserFields(await SampleUsersAsync(scope.Value, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);

        await Probe("user groups", async () =>
        {
            var page = await FirstPage(_api.GroupsAsync(GroupTypes.Normal, cancellationToken)).ConfigureAwait(false);
            Ok("user groups", $"readable ({page?.GroupList?.Count ?? 0} on the first page)");
        }, missingPermission: CheckStatus.Warning).ConfigureAwait(false);
        return _items;
    }

    private async Task<(bool Full, List<string> Departments, List<string> Users, int Groups)?> ProbeScopeAsync(CancellationToken cancellationToken)
    {
        (bool, List<string>, List<string>, int)? result = null;
        await Probe("contact scope", async () =>
        {
            List<string> departments = [], users = [];
            var groups = 0;
            await foreach (var page in _api.ScopesAsync(cancellationToken).ConfigureAwait(false))
            {
                departments.AddRange(page.DepartmentIds ?? []);
                users.AddRange(page.UserIds ?? []);
                groups += page.GroupIds?.Count ?? 0;
            }

            var full = departments.Contains(CorpSnapshot.RootExternalId) || await SeesRootAsync(cancellationToken).ConfigureAwait(false);
            result = (full, departments.Where(d => d != CorpSnapshot.RootExternalId).ToList(), users, groups);
            if (full)
                Ok("contact scope", "the whole tenant");
            else if (departments.Count + users.Count + groups == 0)
                _items.Add(new("contact scope", CheckStatus.Failed, "empty: the app sees nobody",
                    $"In {Console} set the app's contact scope (Permissions & Scopes → data range) to the departments to sync, then publish a new version."));
            else
                Ok("contact scope", $"{departments.Count} departments (with their sub-departments), {users.Count} individual users, {groups} user groups");
        }).ConfigureAwait(false);
        return result;
    }

    private async Task<bool> SeesRootAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FirstPage(_api.UsersByDepartmentAsync(CorpSnapshot.RootExternalId, 1, cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (UpstreamException ex) when (ex.Code == 40004)
        {
            return false;
        }
    }

    private async Task<IReadOnlyList<WireUser>> SampleUsersAsync((bool Full, List<string> Departments, List<string> Users, int Groups) scope, CancellationToken cancellationToken)
    {
        var users = new List<WireUser>();
        var departments = scope.Full ? [CorpSnapshot.RootExternalId, .. scope.Departments] : scope.Departments;
        foreach (var department in departments.Take(5))
        {
            var page = await FirstPage(_api.UsersByDepartmentAsync(department, ProbeSize, cancellationToken)).ConfigureAwait(false);
            users.AddRange(page?.Items ?? []);
            if (users.Count >= ProbeSize)
                return users;
        }

        if (scope.Users.Count > 0)
            users.AddRange(await _api.UsersBatchAsync(scope.Users.Take(ContactApi.BatchLimit).ToList(), cancellationToken).ConfigureAwait(false));
        return users;
    }

    private void CheckUserFields(IReadOnlyList<WireUser> users)
    {
        if (users.Count == 0)
        {
            _items.Add(new("users", CheckStatus.Warning, "no user found to inspect in the first scoped departments",
                "Add people to the contact scope to check the field permissions."));
            return;
        }

        Ok("users", $"readable ({users.Count} inspected)");
        foreach (var probe in FieldProbe.UserFields)
        {
            var seen = users.Count(probe.IsPresent);
            _items.Add(seen > 0
                ? new ConnectionCheckItem($"user field: {probe.Field}", CheckStatus.Ok, $"returned for {seen} of {users.Count} users")
                : new ConnectionCheckItem($"user field: {probe.Field}", CheckStatus.Warning,
                    $"not returned for any of {users.Count} users: the app likely lacks '{probe.Permission}' (or nobody has a value)",
                    $"Grant '{probe.Permission}' in {Console} (Permissions & Scopes) and publish a new version."));
        }
    }

    private void CheckDepartmentFields(WireItemsPage<WireDepartment>? page)
    {
        var departments = page?.Items ?? [];
        if (departments.Count == 0)
        {
            Ok("departments", "readable (no sub-departments on the first page)");
            return;
        }

        Ok("departments", $"readable ({departments.Count} inspected)");
        Field("department field: name", departments.Count(d => d.Name is not null), departments.Count, "contact:department.base:readonly");
        Field("department field: parent/order", departments.Count(d => d.ParentDepartmentId is not null || d.Order is not null), departments.Count,
            "contact:department.organize:readonly");
    }

    private void Field(string name, int seen, int total, string permission) =>
        _items.Add(seen > 0
            ? new ConnectionCheckItem(name, CheckStatus.Ok, $"returned for {seen} of {total}")
            : new ConnectionCheckItem(name, CheckStatus.Warning, $"not returned for any of {total}: the app likely lacks '{permission}'",
                $"Grant '{permission}' in {Console} (Permissions & Scopes) and publish a new version."));

    private void Ok(string name, string detail) => _items.Add(new ConnectionCheckItem(name, CheckStatus.Ok, detail));

    /// <returns>False when the probe failed.</returns>
    private async Task<bool> Probe(string name, Func<Task> probe, CheckStatus missingPermission = CheckStatus.Failed)
    {
        try
        {
            await probe().ConfigureAwait(false);
            return true;
        }
        catch (UpstreamException ex)
        {
            var status = ex.Code is 99991672 or 99991679 ? missingPermission : CheckStatus.Failed;
            var detail = ex.Code is { } code ? $"code {code} ({ex.UpstreamMessage}){(ex.LogId is null ? "" : $", log id {ex.LogId}")}" : ex.Message;
            _items.Add(new ConnectionCheckItem(name, status, detail, ex.Fix));
            return false;
        }
        catch (CorpException ex)
        {
            _items.Add(new ConnectionCheckItem(name, CheckStatus.Failed, ex.Message, ex.Fix));
            return false;
        }
    }

    private static async Task<T?> FirstPage<T>(IAsyncEnumerable<T> pages)
        where T : class
    {
        await foreach (var page in pages.ConfigureAwait(false))
            return page;
        return null;
    }
}
