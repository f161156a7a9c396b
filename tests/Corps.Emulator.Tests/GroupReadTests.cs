using Corps.Emulator.Options;
using Corps.Emulator.Org;
using Corps.Emulator.Tests.Support;

namespace Corps.Emulator.Tests;

/// <summary>User groups of both types and their user and department members, read as the docs describe.</summary>
public sealed class GroupReadTests : IAsyncLifetime, IDisposable
{
    private const string Members = "/open-apis/contact/v3/group/{0}/member/simplelist";
    private readonly string _dir = Directory.CreateTempSubdirectory("corps-emulator-groups-").FullName;
    private EmulatorServer _server = null!;
    private FeishuHttp _client = null!;
    private string _token = "";
    private OrgGroup _normal = null!;
    private OrgGroup _dynamic = null!;

    public async Task InitializeAsync()
    {
        // The small org, with one normal group given three department members (so their list pages).
        var org = new EmulatedOrg(OrgGenerator.Generate(Emulators.SmallOrg));
        var normal = org.Document.Groups.First(g => g.Type == 1);
        normal.Members.RemoveAll(m => m.MemberType == "department");
        normal.Members.AddRange(org.Document.Departments.Take(3).Select(d => new OrgGroupMember { MemberId = d.OpenDepartmentId, MemberType = "department" }));
        var path = Path.Combine(_dir, "org.json");
        OrgFile.Save(org, path);
        _server = await Emulators.StartAsync(new EmulatorOptions { OrgFile = path });
        _client = new FeishuHttp(_server);
        _token = await _client.TenantTokenAsync();
        _normal = _server.Org.FindGroup(normal.Id)!;
        _dynamic = _server.Org.Groups.First(g => g.Type == 2);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("", 1)]
    [InlineData("&type=1", 1)]
    [InlineData("&type=2", 2)]
    public async Task SimpleList_Type_ListsOnlyThatType(string query, int type)
    {
        var groups = await _client.PageAllAsync("/open-apis/contact/v3/group/simplelist?page_size=1" + query, _token, "grouplist");

        var expected = _server.Org.Groups.Where(g => g.Type == type).Select(g => g.Id).Order(StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, groups.Select(g => g.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.All(groups, g => Assert.Equal(type, g.GetProperty("type").GetInt32()));
    }

    [Fact]
    public async Task SimpleList_UnknownType_FieldValidation()
    {
        var r = await _client.GetAsync("/open-apis/contact/v3/group/simplelist?type=3", _token);

        Assert.Equal(99992402, r.Code);
        Assert.Equal("type", r.Json.GetProperty("error").GetProperty("field_violations")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task SimpleList_Counts_UsersAndDepartmentsApart_DynamicHasNoDepartments()
    {
        var normal = (await _client.PageAllAsync("/open-apis/contact/v3/group/simplelist?page_size=100", _token, "grouplist"))
            .Single(g => g.GetProperty("id").GetString() == _normal.Id);
        var dynamic = (await _client.PageAllAsync("/open-apis/contact/v3/group/simplelist?page_size=100&type=2", _token, "grouplist"))
            .Single(g => g.GetProperty("id").GetString() == _dynamic.Id);

        Assert.Equal(_normal.Members.Count(m => m.MemberType == "user"), normal.GetProperty("member_user_count").GetInt32());
        Assert.Equal(3, normal.GetProperty("member_department_count").GetInt32());
        Assert.Equal(_dynamic.Members.Count, dynamic.GetProperty("member_user_count").GetInt32());
        Assert.Equal(0, dynamic.GetProperty("member_department_count").GetInt32());
    }

    [Fact]
    public async Task MemberSimpleList_DepartmentMembersPaged_OpenIdMeansOpenDepartmentId()
    {
        var listed = await _client.PageAllAsync(string.Format(Members, _normal.Id) + "?member_type=department&page_size=2", _token, "memberlist");

        var expected = _normal.Members.Where(m => m.MemberType == "department").Select(m => m.MemberId);
        Assert.Equal(expected, listed.Select(m => m.GetProperty("member_id").GetString()));
        Assert.All(listed, m =>
        {
            Assert.Equal("department", m.GetProperty("member_type").GetString());
            Assert.Equal("open_id", m.GetProperty("member_id_type").GetString());
        });
    }

    [Fact]
    public async Task MemberSimpleList_DepartmentIdType_CustomDepartmentIds()
    {
        var listed = await _client.PageAllAsync(string.Format(Members, _normal.Id) + "?member_type=department&member_id_type=department_id", _token, "memberlist");

        var expected = _normal.Members.Where(m => m.MemberType == "department")
            .Select(m => _server.Org.FindDepartment(m.MemberId, DepartmentIdType.OpenDepartmentId)!.DepartmentId);
        Assert.Equal(expected, listed.Select(m => m.GetProperty("member_id").GetString()));
    }

    [Fact]
    public async Task MemberSimpleList_DynamicGroup_UsersListedNoDepartments()
    {
        var users = await _client.PageAllAsync(string.Format(Members, _dynamic.Id) + "?member_type=user", _token, "memberlist");
        var departments = await _client.PageAllAsync(string.Format(Members, _dynamic.Id) + "?member_type=department", _token, "memberlist");

        Assert.Equal(_dynamic.Members.Select(m => m.MemberId), users.Select(m => m.GetProperty("member_id").GetString()));
        Assert.Empty(departments);
    }

    [Theory]
    [InlineData("department", "union_id")]
    [InlineData("department", "open_department_id")]
    [InlineData("user", "department_id")]
    [InlineData("role", "open_id")]
    public async Task MemberSimpleList_IdTypeNotForThatMemberType_FieldValidation(string memberType, string idType)
    {
        var r = await _client.GetAsync(string.Format(Members, _normal.Id) + $"?member_type={memberType}&member_id_type={idType}", _token);

        Assert.Equal(99992402, r.Code);
        Assert.Equal(400, r.Status);
    }

    [Fact]
    public async Task MemberSimpleList_GroupOutsideScope_42009BothTypes()
    {
        var app = Emulators.App("cli_0000000000000009", scope: new ContactScopeOptions { GroupIds = [_dynamic.Id] });
        await using var server = await Emulators.StartAsync(new EmulatorOptions { OrgFile = Path.Combine(_dir, "org.json"), Apps = [app] });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync(app.AppId);

        var normal = await client.GetAsync("/open-apis/contact/v3/group/simplelist", token);
        var dynamic = await client.GetAsync("/open-apis/contact/v3/group/simplelist?type=2", token);
        var refused = await client.GetAsync(string.Format(Members, _normal.Id) + "?member_type=department", token);

        Assert.Equal(0, normal.Data.GetProperty("grouplist").GetArrayLength());
        Assert.Equal(_dynamic.Id, dynamic.Data.GetProperty("grouplist")[0].GetProperty("id").GetString());
        Assert.Equal(42009, refused.Code);
        Assert.Equal(403, refused.Status);
    }

    [Fact]
    public async Task Writes_DynamicGroupOrDepartmentMember_Refused()
    {
        var department = _server.Org.Document.Departments[0].OpenDepartmentId;
        var user = _server.Org.Document.Users.First(u => !u.Status.IsResigned).OpenId;

        var createDynamic = await _client.SendAsync(HttpMethod.Post, "/open-apis/contact/v3/group", _token, new { name = "动态", type = 2 });
        var addDepartment = await _client.SendAsync(HttpMethod.Post, $"/open-apis/contact/v3/group/{_normal.Id}/member/add", _token,
            new { member_type = "department", member_id_type = "open_id", member_id = department });
        var addToDynamic = await _client.SendAsync(HttpMethod.Post, $"/open-apis/contact/v3/group/{_dynamic.Id}/member/add", _token,
            new { member_type = "user", member_id_type = "open_id", member_id = user });

        Assert.Equal(99992402, createDynamic.Code);
        Assert.Equal(99992402, addDepartment.Code);
        Assert.Equal(40001, addToDynamic.Code);
        Assert.Equal(3, _normal.Members.Count(m => m.MemberType == "department"));
    }

    [Fact]
    public void Load_DynamicGroupWithDepartment_Refused()
    {
        var doc = OrgGenerator.Generate(Emulators.SmallOrg);
        doc.Groups.First(g => g.Type == 2).Members.Add(new OrgGroupMember { MemberId = doc.Departments[0].OpenDepartmentId, MemberType = "department" });

        var ex = Assert.Throws<InvalidDataException>(() => new EmulatedOrg(doc));

        Assert.Contains("dynamic", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Generate_DefaultGroups_EveryShapeADirectorySyncMeets()
    {
        var doc = OrgGenerator.Generate(new OrgGenerationOptions { Users = 3000, Departments = 100, Seed = 4 });

        Assert.Contains(doc.Groups, g => g.Type == 2);
        Assert.All(doc.Groups.Where(g => g.Type == 2), g => Assert.All(g.Members, m => Assert.Equal("user", m.MemberType)));
        Assert.Contains(doc.Groups, g => g.Type == 1 && g.Members.Exists(m => m.MemberType == "department") && g.Members.Exists(m => m.MemberType == "user"));
        Assert.Contains(doc.Groups, g => g.Type == 1 && g.Members.Count > 0 && g.Members.TrueForAll(m => m.MemberType == "department"));
    }

    [Fact]
    public async Task DeleteDepartment_HeldByAGroup_LeavesTheGroup()
    {
        var created = await _client.SendAsync(HttpMethod.Post, "/open-apis/contact/v3/departments", _token, new { name = "临时部门", parent_department_id = "0" });
        var leaf = created.Data.GetProperty("department").GetProperty("open_department_id").GetString()!;
        using (_server.Org.EnterWrite())
            _normal.Members.Add(new OrgGroupMember { MemberId = leaf, MemberType = "department" });

        var deleted = await _client.SendAsync(HttpMethod.Delete, $"/open-apis/contact/v3/departments/{leaf}", _token, null);
        var listed = await _client.PageAllAsync(string.Format(Members, _normal.Id) + "?member_type=department", _token, "memberlist");

        Assert.Equal(0, deleted.Code);
        Assert.DoesNotContain(listed, m => m.GetProperty("member_id").GetString() == leaf);
        Assert.Equal(3, listed.Count);
    }
}
