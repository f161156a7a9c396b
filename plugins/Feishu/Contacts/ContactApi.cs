using Corps.Feishu.Client;
using Corps.Feishu.Wire;

namespace Corps.Feishu.Contacts;

/// <summary>The contact v3 and tenant reads the plugin makes, typed. Ids are always open ids (the stable kind).</summary>
internal sealed class ContactApi
{
    public const int BatchLimit = 50;
    private const string Contact = "/open-apis/contact/v3";
    private static readonly KeyValuePair<string, string>[] IdTypes =
        [new("user_id_type", "open_id"), new("department_id_type", "open_department_id")];

    private readonly FeishuClient _client;

    public ContactApi(FeishuClient client) => _client = client;

    public FeishuClient Client => _client;

    public IAsyncEnumerable<WireScopePage> ScopesAsync(CancellationToken cancellationToken) =>
        _client.GetPagesAsync(
            new FeishuRequest(HttpMethod.Get, Contact + "/scopes") { Query = [.. IdTypes, new("page_size", "100")] },
            FeishuJsonContext.Default.FeishuEnvelopeWireScopePage, cancellationToken);

    public IAsyncEnumerable<WireItemsPage<WireDepartment>> ChildrenAsync(string departmentId, bool recursive, int pageSize, CancellationToken cancellationToken) =>
        _client.GetPagesAsync(
            new FeishuRequest(HttpMethod.Get, $"{Contact}/departments/{Uri.EscapeDataString(departmentId)}/children")
            {
                Api = "GET /contact/v3/departments/:id/children",
                Query = [.. IdTypes, new("fetch_child", recursive ? "true" : "false"), new("page_size", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            },
            FeishuJsonContext.Default.FeishuEnvelopeWireItemsPageWireDepartment, cancellationToken);

    public async Task<IReadOnlyList<WireDepartment>> DepartmentsBatchAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var request = new FeishuRequest(HttpMethod.Get, Contact + "/departments/batch")
        {
            Query = [.. IdTypes, .. ids.Select(id => new KeyValuePair<string, string>("department_ids", id))],
        };
        var envelope = await _client.SendAsync(request, FeishuJsonContext.Default.FeishuEnvelopeWireItemsPageWireDepartment, cancellationToken).ConfigureAwait(false);
        return envelope.Data?.Items ?? [];
    }

    public IAsyncEnumerable<WireItemsPage<WireUser>> UsersByDepartmentAsync(string departmentId, int pageSize, CancellationToken cancellationToken) =>
        _client.GetPagesAsync(
            new FeishuRequest(HttpMethod.Get, Contact + "/users/find_by_department")
            {
                Query = [.. IdTypes, new("department_id", departmentId), new("page_size", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            },
            FeishuJsonContext.Default.FeishuEnvelopeWireItemsPageWireUser, cancellationToken);

    public async Task<IReadOnlyList<WireUser>> UsersBatchAsync(IReadOnlyList<string> openIds, CancellationToken cancellationToken)
    {
        var request = new FeishuRequest(HttpMethod.Get, Contact + "/users/batch")
        {
            Query = [.. IdTypes, .. openIds.Select(id => new KeyValuePair<string, string>("user_ids", id))],
        };
        var envelope = await _client.SendAsync(request, FeishuJsonContext.Default.FeishuEnvelopeWireItemsPageWireUser, cancellationToken).ConfigureAwait(false);
        return envelope.Data?.Items ?? [];
    }

    /// <summary>The user groups of one type (<see cref="GroupTypes"/>): the list holds one type per read, normal by default.</summary>
    public IAsyncEnumerable<WireGroupPage> GroupsAsync(int type, CancellationToken cancellationToken) =>
        _client.GetPagesAsync(
            new FeishuRequest(HttpMethod.Get, Contact + "/group/simplelist")
            {
                Query = [new("type", type.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("page_size", "100")],
            },
            FeishuJsonContext.Default.FeishuEnvelopeWireGroupPage, cancellationToken);

    /// <summary>One kind of a group's members (<c>user</c> or <c>department</c>: one kind per read). <c>member_id_type=open_id</c>
    /// gives users' open_ids and departments' open_department_ids.</summary>
    public IAsyncEnumerable<WireGroupMemberPage> GroupMembersAsync(string groupId, string memberType, CancellationToken cancellationToken) =>
        _client.GetPagesAsync(
            new FeishuRequest(HttpMethod.Get, $"{Contact}/group/{Uri.EscapeDataString(groupId)}/member/simplelist")
            {
                Api = "GET /contact/v3/group/:id/member/simplelist",
                Query = [new("member_type", memberType), new("member_id_type", "open_id"), new("page_size", "100")],
            },
            FeishuJsonContext.Default.FeishuEnvelopeWireGroupMemberPage, cancellationToken);

    public async Task<WireTenant?> TenantAsync(CancellationToken cancellationToken)
    {
        var envelope = await _client.SendAsync(new FeishuRequest(HttpMethod.Get, "/open-apis/tenant/v2/tenant/query"),
            FeishuJsonContext.Default.FeishuEnvelopeWireTenantData, cancellationToken).ConfigureAwait(false);
        return envelope.Data?.Tenant;
    }
}
