using System.Text.Json;
using Corps.Emulator.Options;
using Corps.Emulator.Org;
using Corps.Emulator.Tests.Support;

namespace Corps.Emulator.Tests;

public sealed class ContactReadTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;
    private FeishuHttp _client = null!;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _server = await Emulators.StartAsync();
        _client = new FeishuHttp(_server);
        _token = await _client.TenantTokenAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task FullSync_PagingEverything_TotalsExact()
    {
        var departments = await _client.PageAllAsync("/open-apis/contact/v3/departments/0/children?fetch_child=true&page_size=7", _token);
        Assert.Equal(_server.Org.DepartmentCount, departments.Count);
        Assert.Equal(departments.Count, departments.Select(d => d.GetProperty("open_department_id").GetString()).Distinct().Count());
        var seen = new HashSet<string>();
        var memberships = 0;
        foreach (var id in departments.Select(d => d.GetProperty("open_department_id").GetString()).Append("0"))
        {
            var users = await _client.PageAllAsync($"/open-apis/contact/v3/users/find_by_department?department_id={id}&page_size=13", _token);
            memberships += users.Count;
            foreach (var u in users) seen.Add(u.GetProperty("open_id").GetString()!);
        }
        var doc = _server.Org.Document;
        Assert.Equal(doc.Users.Count(u => !u.Status.IsResigned), seen.Count);
        Assert.Equal(doc.Users.Sum(u => u.DepartmentIds.Count), memberships);
    }

    [Fact]
    public async Task Children_DefaultPageSize_Ten()
    {
        var r = await _client.GetAsync("/open-apis/contact/v3/departments/0/children?fetch_child=true", _token);
        Assert.Equal(10, r.Data.GetProperty("items").GetArrayLength());
        Assert.True(r.Data.GetProperty("has_more").GetBoolean());
    }

    [Theory]
    [InlineData("/open-apis/contact/v3/departments/0/children?page_size=51")]
    [InlineData("/open-apis/contact/v3/users/find_by_department?department_id=0&page_size=51")]
    [InlineData("/open-apis/contact/v3/users/find_by_department?department_id=0&page_size=-1")]
    [InlineData("/open-apis/contact/v3/users/find_by_department?department_id=0&page_size=ten")]
    [InlineData("/open-apis/contact/v3/group/simplelist?page_size=101")]
    public async Task List_PageSizeOutOfRange_40011(string path)
    {
        var r = await _client.GetAsync(path, _token);
        Assert.Equal(40011, r.Code);
        Assert.Equal(400, r.Status);
    }

    [Fact]
    public async Task List_TamperedOrForeignPageToken_40012()
    {
        var first = await _client.GetAsync("/open-apis/contact/v3/departments/0/children?fetch_child=true&page_size=2", _token);
        var token = first.Data.GetProperty("page_token").GetString()!;
        var bytes = Convert.FromBase64String(token);
        bytes[3] ^= 1;
        var tampered = Convert.ToBase64String(bytes);
        var r = await _client.GetAsync("/open-apis/contact/v3/departments/0/children?fetch_child=true&page_size=2&page_token=" + Uri.EscapeDataString(tampered), _token);
        Assert.Equal(40012, r.Code);
        var foreign = await _client.GetAsync("/open-apis/contact/v3/users/find_by_department?department_id=0&page_token=" + Uri.EscapeDataString(token), _token);
        Assert.Equal(40012, foreign.Code);
        var ok = await _client.GetAsync("/open-apis/contact/v3/departments/0/children?fetch_child=true&page_size=2&page_token=" + Uri.EscapeDataString(token), _token);
        Assert.Equal(0, ok.Code);
    }

    [Fact]
    public async Task User_UnionAndDepartmentIdTypes_AppliedInsideObjects()
    {
        var person = _server.Org.Document.Users.First(u => u.DepartmentIds.Count > 0 && u.DepartmentIds[0] != "0" && u.LeaderUserId is not null);
        var leader = _server.Org.FindUser(person.LeaderUserId!, UserIdType.OpenId)!;
        var dept = _server.Org.FindDepartment(person.DepartmentIds[0], DepartmentIdType.OpenDepartmentId)!;
        var r = await _client.GetAsync($"/open-apis/contact/v3/users/{person.UnionId}?user_id_type=union_id&department_id_type=department_id", _token);
        var user = r.Data.GetProperty("user");
        Assert.Equal(leader.UnionId, user.GetProperty("leader_user_id").GetString());
        Assert.Equal(dept.DepartmentId, user.GetProperty("department_ids")[0].GetString());
        Assert.Equal(dept.DepartmentId, user.GetProperty("orders")[0].GetProperty("department_id").GetString());
        var byUserId = await _client.GetAsync($"/open-apis/contact/v3/users/{person.UserId}?user_id_type=user_id", _token);
        Assert.Equal(person.OpenId, byUserId.Data.GetProperty("user").GetProperty("open_id").GetString());
        Assert.Equal(leader.UserId, byUserId.Data.GetProperty("user").GetProperty("leader_user_id").GetString());
    }

    [Fact]
    public async Task Department_ByCustomId_ParentTranslated()
    {
        var child = _server.Org.Document.Departments.First(d => d.ParentDepartmentId != "0");
        var parent = _server.Org.FindDepartment(child.ParentDepartmentId, DepartmentIdType.OpenDepartmentId)!;
        var r = await _client.GetAsync($"/open-apis/contact/v3/departments/{child.DepartmentId}?department_id_type=department_id", _token);
        Assert.Equal(parent.DepartmentId, r.Data.GetProperty("department").GetProperty("parent_department_id").GetString());
        Assert.Equal(JsonValueKind.String, r.Data.GetProperty("department").GetProperty("order").ValueKind);
        var parents = await _client.GetAsync($"/open-apis/contact/v3/departments/parent?department_id={child.OpenDepartmentId}", _token);
        Assert.Equal(parent.OpenDepartmentId, parents.Data.GetProperty("items")[0].GetProperty("open_department_id").GetString());
    }

    [Fact]
    public async Task Batch_ManyUsersAndDepartments_ReturnsEach()
    {
        var users = _server.Org.Document.Users.Take(5).ToList();
        var r = await _client.GetAsync("/open-apis/contact/v3/users/batch?" + string.Join('&', users.Select(u => "user_ids=" + u.OpenId)), _token);
        Assert.Equal(5, r.Data.GetProperty("items").GetArrayLength());
        var depts = _server.Org.Document.Departments.Take(3).ToList();
        var d = await _client.GetAsync("/open-apis/contact/v3/departments/batch?" + string.Join('&', depts.Select(x => "department_ids=" + x.OpenDepartmentId)), _token);
        Assert.Equal(3, d.Data.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task BatchGetId_EmailsAndMobiles_ResolvedAndResignedOnlyOnRequest()
    {
        var active = _server.Org.Document.Users.First(u => !u.Status.IsResigned);
        var resigned = _server.Org.Document.Users.First(u => u.Status.IsResigned);
        var r = await _client.SendAsync(HttpMethod.Post, "/open-apis/contact/v3/users/batch_get_id?user_id_type=user_id", _token,
            new { emails = new[] { active.Email, resigned.Email, "nobody@example.com" }, mobiles = new[] { active.Mobile } });
        var list = r.Data.GetProperty("user_list").EnumerateArray().ToList();
        Assert.Equal(active.UserId, list[0].GetProperty("user_id").GetString());
        Assert.False(list[1].TryGetProperty("user_id", out _));
        Assert.False(list[2].TryGetProperty("user_id", out _));
        Assert.Equal(active.UserId, list[3].GetProperty("user_id").GetString());
        var withResigned = await _client.SendAsync(HttpMethod.Post, "/open-apis/contact/v3/users/batch_get_id", _token,
            new { emails = new[] { resigned.Email }, include_resigned = true });
        Assert.Equal(resigned.OpenId, withResigned.Data.GetProperty("user_list")[0].GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task Groups_SimpleListAndMembers_PagedWithOddKeys()
    {
        var groups = await _client.PageAllAsync("/open-apis/contact/v3/group/simplelist?page_size=1", _token, "grouplist");
        Assert.Equal(_server.Org.Groups.Count(g => g.Type == 1), groups.Count);
        var group = _server.Org.Groups.First(g => g.Type == 1);
        var members = await _client.PageAllAsync($"/open-apis/contact/v3/group/{group.Id}/member/simplelist?page_size=2&member_id_type=user_id", _token, "memberlist");
        Assert.Equal(group.Members.Count(m => m.MemberType == "user"), members.Count);
        var firstUser = _server.Org.FindUser(group.Members.First(m => m.MemberType == "user").MemberId, UserIdType.OpenId)!;
        Assert.Equal(firstUser.UserId, members[0].GetProperty("member_id").GetString());
        var belong = await _client.GetAsync($"/open-apis/contact/v3/group/member_belong?member_id={firstUser.OpenId}", _token);
        Assert.Contains(belong.Data.GetProperty("group_list").EnumerateArray(), g => g.GetString() == group.Id);
    }

    [Fact]
    public async Task Metadata_EnumsAttrsUnitsTenant_Served()
    {
        var enums = await _client.GetAsync("/open-apis/contact/v3/employee_type_enums", _token);
        Assert.True(enums.Data.GetProperty("items").GetArrayLength() >= 5);
        var attrs = await _client.GetAsync("/open-apis/contact/v3/custom_attrs", _token);
        Assert.Equal(3, attrs.Data.GetProperty("items").GetArrayLength());
        var units = await _client.GetAsync("/open-apis/contact/v3/unit", _token);
        Assert.Equal(2, units.Data.GetProperty("unitlist").GetArrayLength());
        var tenant = await _client.GetAsync("/open-apis/tenant/v2/tenant/query", _token);
        Assert.Equal(_server.Org.Tenant.Name, tenant.Data.GetProperty("tenant").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Scopes_FullScope_FirstLevelDepartments()
    {
        var r = await _client.GetAsync("/open-apis/contact/v3/scopes", _token);
        Assert.Equal(_server.Org.Children("0").Count, r.Data.GetProperty("department_ids").GetArrayLength());
        Assert.Equal(0, r.Data.GetProperty("user_ids").GetArrayLength());
    }

    [Fact]
    public async Task Response_RawUtf8_NoEscapedChinese()
    {
        var r = await _client.GetAsync("/open-apis/contact/v3/departments/0/children", _token);
        Assert.DoesNotContain("\\u", r.Text, StringComparison.Ordinal);
        Assert.NotNull(r.Header("X-Tt-Logid"));
    }

    [Fact]
    public async Task UnknownDepartmentOrUser_FullScope_NotExistCodes()
    {
        Assert.Equal(40015, (await _client.GetAsync("/open-apis/contact/v3/departments/od-nope", _token)).Code);
        Assert.Equal(41012, (await _client.GetAsync("/open-apis/contact/v3/users/ou_nope", _token)).Code);
        Assert.Equal(42002, (await _client.GetAsync("/open-apis/contact/v3/group/nope/member/simplelist", _token)).Code);
    }

    [Fact]
    public async Task BadIdType_FieldValidation()
    {
        var r = await _client.GetAsync("/open-apis/contact/v3/users/find_by_department?department_id=0&user_id_type=email", _token);
        Assert.Equal(99992402, r.Code);
        Assert.Equal("user_id_type", r.Json.GetProperty("error").GetProperty("field_violations")[0].GetProperty("field").GetString());
    }

    internal static EmulatorOptions Options(params AppOptions[] apps) => new() { Generate = Emulators.SmallOrg, Apps = apps };
}
