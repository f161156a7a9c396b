using Corps.Emulator.Apps;
using Corps.Emulator.Options;
using Corps.Emulator.Org;
using Corps.Emulator.Tests.Support;

namespace Corps.Emulator.Tests;

public sealed class ScopeAndGatingTests
{
    private static readonly OrgGenerationOptions s_org = Emulators.SmallOrg;

    private static (OrgDepartment Inside, OrgDepartment Outside) PickDepartments()
    {
        var org = new EmulatedOrg(OrgGenerator.Generate(s_org));
        var tops = org.Children("0");
        var inside = tops.First(d => org.Children(d.OpenDepartmentId).Count > 0);
        var outside = tops.First(d => d != inside);
        return (inside, outside);
    }

    [Fact]
    public async Task LimitedScope_OutsideObjects_40004_41050_42009()
    {
        var (inside, outside) = PickDepartments();
        var app = Emulators.App("cli_0000000000000001", scope: new ContactScopeOptions { DepartmentIds = [inside.DepartmentId] });
        await using var server = await Emulators.StartAsync(new EmulatorOptions { Generate = s_org, Apps = [app] });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();

        var root = await client.GetAsync("/open-apis/contact/v3/departments/0/children", token);
        Assert.Equal(40004, root.Code);
        Assert.Equal(403, root.Status);
        Assert.Equal(40004, (await client.GetAsync($"/open-apis/contact/v3/departments/{outside.OpenDepartmentId}", token)).Code);
        Assert.Equal(40004, (await client.GetAsync($"/open-apis/contact/v3/users/find_by_department?department_id={outside.OpenDepartmentId}", token)).Code);
        Assert.Equal(0, (await client.GetAsync($"/open-apis/contact/v3/departments/{inside.OpenDepartmentId}/children?fetch_child=true", token)).Code);

        var outsider = server.Org.DirectMembers(outside.OpenDepartmentId).First(u => u.DepartmentIds.Count == 1);
        var user = await client.GetAsync($"/open-apis/contact/v3/users/{outsider.OpenId}", token);
        Assert.Equal(41050, user.Code);
        Assert.Equal(400, user.Status);
        var grandchild = server.Org.Descendants(inside.OpenDepartmentId).First();
        var insider = server.Org.Document.Users.FirstOrDefault(u => u.DepartmentIds.Contains(grandchild.OpenDepartmentId));
        if (insider is not null) Assert.Equal(0, (await client.GetAsync($"/open-apis/contact/v3/users/{insider.OpenId}", token)).Code);

        var group = server.Org.Groups.First();
        var g = await client.GetAsync($"/open-apis/contact/v3/group/{group.Id}/member/simplelist", token);
        Assert.Equal(42009, g.Code);
        Assert.Equal(403, g.Status);

        var scopes = await client.GetAsync("/open-apis/contact/v3/scopes", token);
        Assert.Equal(inside.OpenDepartmentId, scopes.Data.GetProperty("department_ids")[0].GetString());
        Assert.Equal(1, scopes.Data.GetProperty("department_ids").GetArrayLength());
    }

    [Fact]
    public async Task Scopes_UsersDepartmentsGroups_OnePagingInThatOrder()
    {
        var (inside, outside) = PickDepartments();
        var doc = OrgGenerator.Generate(s_org);
        var users = doc.Users.Take(3).Select(u => u.OpenId).ToArray();
        var app = Emulators.App("cli_0000000000000002", scope: new ContactScopeOptions
        {
            DepartmentIds = [inside.OpenDepartmentId, outside.OpenDepartmentId], UserIds = users, GroupIds = [doc.Groups[0].Id],
        });
        await using var server = await Emulators.StartAsync(new EmulatorOptions { Generate = s_org, Apps = [app] });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var first = await client.GetAsync("/open-apis/contact/v3/scopes?page_size=4", token);
        Assert.Equal(3, first.Data.GetProperty("user_ids").GetArrayLength());
        Assert.Equal(1, first.Data.GetProperty("department_ids").GetArrayLength());
        var next = await client.GetAsync("/open-apis/contact/v3/scopes?page_size=4&page_token=" + Uri.EscapeDataString(first.Data.GetProperty("page_token").GetString()!), token);
        Assert.Equal(1, next.Data.GetProperty("department_ids").GetArrayLength());
        Assert.Equal(doc.Groups[0].Id, next.Data.GetProperty("group_ids")[0].GetString());
        Assert.False(next.Data.GetProperty("has_more").GetBoolean());
        Assert.Equal(0, (await client.GetAsync($"/open-apis/contact/v3/group/{doc.Groups[0].Id}/member/simplelist", token)).Code);
        Assert.Equal(0, (await client.GetAsync($"/open-apis/contact/v3/users/{users[1]}", token)).Code);
    }

    [Fact]
    public async Task FieldGating_OnlyBaseContact_IdsOnly()
    {
        var app = Emulators.App("cli_0000000000000003", permissions: [Permissions.ContactBase]);
        await using var server = await Emulators.StartAsync(new EmulatorOptions { Generate = s_org, Apps = [app] });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var person = server.Org.Document.Users.First(u => u.DepartmentIds.Count > 0);
        var user = (await client.GetAsync($"/open-apis/contact/v3/users/{person.OpenId}", token)).Data.GetProperty("user");
        Assert.True(user.TryGetProperty("open_id", out _));
        Assert.True(user.TryGetProperty("union_id", out _));
        foreach (var hidden in new[] { "user_id", "name", "email", "mobile", "department_ids", "status", "gender", "employee_no" })
            Assert.False(user.TryGetProperty(hidden, out _), hidden + " must be omitted");
        var dept = (await client.GetAsync("/open-apis/contact/v3/departments/0/children", token)).Data.GetProperty("items")[0];
        Assert.True(dept.TryGetProperty("open_department_id", out _));
        Assert.False(dept.TryGetProperty("name", out _));
        Assert.False(dept.TryGetProperty("parent_department_id", out _));
    }

    [Fact]
    public async Task FieldGating_UmbrellaWithoutEmailPhoneId_ThoseOmitted()
    {
        var app = Emulators.App("cli_0000000000000004", permissions: [Permissions.ContactReadonlyAsApp]);
        await using var server = await Emulators.StartAsync(new EmulatorOptions { Generate = s_org, Apps = [app] });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var person = server.Org.Document.Users.First(u => u.DepartmentIds.Count > 0);
        var user = (await client.GetAsync($"/open-apis/contact/v3/users/{person.OpenId}", token)).Data.GetProperty("user");
        Assert.Equal(person.Name, user.GetProperty("name").GetString());
        Assert.True(user.TryGetProperty("department_ids", out _));
        Assert.True(user.TryGetProperty("status", out _));
        Assert.False(user.TryGetProperty("email", out _));
        Assert.False(user.TryGetProperty("mobile", out _));
        Assert.False(user.TryGetProperty("user_id", out _));
        var asUserId = await client.GetAsync($"/open-apis/contact/v3/users/{person.UserId}?user_id_type=user_id", token);
        Assert.Equal(99991672, asUserId.Code);
    }

    [Fact]
    public async Task MissingEndpointPermission_99991672WithViolations()
    {
        var app = Emulators.App("cli_0000000000000005", permissions: [Permissions.UserEmail]);
        await using var server = await Emulators.StartAsync(new EmulatorOptions { Generate = s_org, Apps = [app] });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var r = await client.GetAsync("/open-apis/contact/v3/group/simplelist", token);
        Assert.Equal(99991672, r.Code);
        Assert.Equal(400, r.Status);
        var error = r.Json.GetProperty("error");
        Assert.Equal(r.Header("X-Tt-Logid"), error.GetProperty("log_id").GetString());
        var violation = error.GetProperty("permission_violations")[0];
        Assert.Equal("action_scope_required", violation.GetProperty("type").GetString());
        Assert.Equal(Permissions.GroupReadonly, violation.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task ControlApi_ChangePermissionsAndScope_TakesEffect()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var appId = EmulatorOptions.DefaultApp.AppId;
        await client.SendAsync(HttpMethod.Put, $"/_emulator/apps/{appId}/permissions", null, new { permissions = new[] { Permissions.ContactBase } });
        Assert.Equal(99991672, (await client.GetAsync("/open-apis/contact/v3/group/simplelist", token)).Code);
        var dept = server.Org.Document.Departments[0];
        await client.SendAsync(HttpMethod.Put, $"/_emulator/apps/{appId}/scope", null, new { department_ids = new[] { dept.OpenDepartmentId } });
        Assert.Equal(40004, (await client.GetAsync("/open-apis/contact/v3/departments/0/children", token)).Code);
        Assert.Equal(0, (await client.GetAsync($"/open-apis/contact/v3/departments/{dept.OpenDepartmentId}/children", token)).Code);
    }
}
