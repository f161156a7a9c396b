using System.Text.Json;
using Corps.Emulator.Events;
using Corps.Emulator.Options;
using Corps.Emulator.Org;
using Corps.Emulator.Tests.Fakes;
using Corps.Emulator.Tests.Support;

namespace Corps.Emulator.Tests;

public sealed class WriteAndEventTests
{
    private const string Key = "encrypt-key-for-tests";

    [Fact]
    public async Task CreateUser_ThenReadBack_AndCreatedEvent()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var dept = server.Org.Document.Departments[2];
        var created = await client.SendAsync(HttpMethod.Post, "/open-apis/contact/v3/users", token, new
        {
            name = "测试员", mobile = "+8613900000001", department_ids = new[] { dept.OpenDepartmentId }, employee_type = 1, email = "tester@example.com",
        });
        Assert.True(created.Code == 0, created.Text);
        var openId = created.Data.GetProperty("user").GetProperty("open_id").GetString()!;
        var members = await client.PageAllAsync($"/open-apis/contact/v3/users/find_by_department?department_id={dept.OpenDepartmentId}&page_size=50", token);
        Assert.Contains(members, m => m.GetProperty("open_id").GetString() == openId);
        var e = Assert.Single(server.Events.Emitted, x => x.EventType == "contact.user.created_v3");
        using var doc = JsonDocument.Parse(e.Json);
        Assert.Equal("2.0", doc.RootElement.GetProperty("schema").GetString());
        Assert.Equal(openId, doc.RootElement.GetProperty("event").GetProperty("object").GetProperty("open_id").GetString());
        Assert.Equal(server.Org.Tenant.TenantKey, doc.RootElement.GetProperty("header").GetProperty("tenant_key").GetString());
    }

    [Fact]
    public async Task PatchUser_ChangedName_OldObjectHoldsOnlyOldName()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var person = server.Org.Document.Users.First(u => u.DepartmentIds.Count > 0);
        var oldName = person.Name;
        var r = await client.SendAsync(HttpMethod.Patch, $"/open-apis/contact/v3/users/{person.OpenId}", token, new { name = "新名字" });
        Assert.Equal("新名字", r.Data.GetProperty("user").GetProperty("name").GetString());
        var e = Assert.Single(server.Events.Emitted, x => x.EventType == "contact.user.updated_v3");
        using var doc = JsonDocument.Parse(e.Json);
        var old = doc.RootElement.GetProperty("event").GetProperty("old_object");
        Assert.Equal(oldName, old.GetProperty("name").GetString());
        Assert.Single(old.EnumerateObject());
        Assert.Equal("新名字", doc.RootElement.GetProperty("event").GetProperty("object").GetProperty("name").GetString());
    }

    [Fact]
    public async Task DeleteUser_BecomesResigned_DeletedEventWithOldDepartments()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var person = server.Org.Document.Users.First(u => u.DepartmentIds.Count > 0 && u.DepartmentIds[0] != "0");
        var depts = person.DepartmentIds.ToArray();
        Assert.Equal(0, (await client.SendAsync(HttpMethod.Delete, $"/open-apis/contact/v3/users/{person.OpenId}", token, null)).Code);
        var after = await client.GetAsync($"/open-apis/contact/v3/users/{person.OpenId}", token);
        Assert.True(after.Data.GetProperty("user").GetProperty("status").GetProperty("is_resigned").GetBoolean());
        var members = await client.PageAllAsync($"/open-apis/contact/v3/users/find_by_department?department_id={depts[0]}&page_size=50", token);
        Assert.DoesNotContain(members, m => m.GetProperty("open_id").GetString() == person.OpenId);
        var e = Assert.Single(server.Events.Emitted, x => x.EventType == "contact.user.deleted_v3");
        using var doc = JsonDocument.Parse(e.Json);
        var old = doc.RootElement.GetProperty("event").GetProperty("old_object");
        Assert.Equal(depts, old.GetProperty("department_ids").EnumerateArray().Select(d => d.GetString()).ToArray());
        Assert.Equal(person.OpenId, old.GetProperty("open_id").GetString());
    }

    [Fact]
    public async Task Departments_CreateMoveDelete_EventsInOrder()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var parentA = server.Org.Document.Departments[0];
        var parentB = server.Org.Document.Departments[1];
        var created = await client.SendAsync(HttpMethod.Post, "/open-apis/contact/v3/departments", token,
            new { name = "新部门", parent_department_id = parentA.OpenDepartmentId, department_id = "NEW-1" });
        Assert.True(created.Code == 0, created.Text);
        var id = created.Data.GetProperty("department").GetProperty("open_department_id").GetString()!;
        var moved = await client.SendAsync(HttpMethod.Patch, $"/open-apis/contact/v3/departments/{id}", token, new { parent_department_id = parentB.OpenDepartmentId });
        Assert.Equal(parentB.OpenDepartmentId, moved.Data.GetProperty("department").GetProperty("parent_department_id").GetString());
        var children = await client.PageAllAsync($"/open-apis/contact/v3/departments/{parentB.OpenDepartmentId}/children?page_size=50", token);
        Assert.Contains(children, c => c.GetProperty("open_department_id").GetString() == id);
        Assert.Equal(0, (await client.SendAsync(HttpMethod.Delete, $"/open-apis/contact/v3/departments/{id}", token, null)).Code);
        Assert.Equal(40015, (await client.GetAsync($"/open-apis/contact/v3/departments/{id}", token)).Code);
        var types = server.Events.Emitted.Select(e => e.EventType).ToList();
        Assert.Equal(["contact.department.created_v3", "contact.department.updated_v3", "contact.department.deleted_v3"], types);
        using var update = JsonDocument.Parse(server.Events.Emitted.ElementAt(1).Json);
        var old = update.RootElement.GetProperty("event").GetProperty("old_object");
        Assert.Equal(parentA.OpenDepartmentId, old.GetProperty("parent_department_id").GetString());
        Assert.Equal(JsonValueKind.Number, update.RootElement.GetProperty("event").GetProperty("object").GetProperty("order").ValueKind);
    }

    [Fact]
    public async Task Groups_CreateAddMember_Listed()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var created = await client.SendAsync(HttpMethod.Post, "/open-apis/contact/v3/group", token, new { name = "新组", type = 1 });
        var groupId = created.Data.GetProperty("group_id").GetString()!;
        var person = server.Org.Document.Users.First(u => !u.Status.IsResigned);
        Assert.Equal(0, (await client.SendAsync(HttpMethod.Post, $"/open-apis/contact/v3/group/{groupId}/member/add", token,
            new { member_type = "user", member_id_type = "open_id", member_id = person.OpenId })).Code);
        var members = await client.GetAsync($"/open-apis/contact/v3/group/{groupId}/member/simplelist", token);
        Assert.Equal(person.OpenId, members.Data.GetProperty("memberlist")[0].GetProperty("member_id").GetString());
    }

    [Fact]
    public async Task Write_WithoutWritePermission_99991672()
    {
        var app = Emulators.App("cli_0000000000000009", permissions: [Corps.Emulator.Apps.Permissions.ContactReadonlyAsApp]);
        await using var server = await Emulators.StartAsync(new EmulatorOptions { Generate = Emulators.SmallOrg, Apps = [app] });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var r = await client.SendAsync(HttpMethod.Post, "/open-apis/contact/v3/group", token, new { name = "x" });
        Assert.Equal(99991672, r.Code);
    }

    [Fact]
    public async Task Push_EncryptedSigned_RetriedUntil200()
    {
        await using var receiver = await EventReceiver.StartAsync(failFirst: 2);
        var app = Emulators.App("cli_00000000000000aa");
        await using var server = await Emulators.StartAsync(new EmulatorOptions
        {
            Generate = Emulators.SmallOrg, Apps = [app], TimeFactor = 0.001,
            EventTargets = [new EventTargetOptions { Url = receiver.Url, EncryptKey = Key, VerificationToken = "vt-1" }],
        });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var person = server.Org.Document.Users.First(u => u.DepartmentIds.Count > 0);
        await client.SendAsync(HttpMethod.Patch, $"/open-apis/contact/v3/users/{person.OpenId}", token, new { job_title = "首席测试官" });
        var pushes = await receiver.WaitForAsync(3, TimeSpan.FromSeconds(10));
        Assert.Equal(3, pushes.Count);
        // The emulator records an attempt once the receiver's answer is back, a moment after the receiver saw it.
        for (var i = 0; i < 200 && server.Events.Deliveries.Count < 3; i++) await Task.Delay(10);
        var deliveries = server.Events.Deliveries.ToList();
        Assert.Equal([0, 1, 2], deliveries.Select(d => d.Attempt));
        Assert.Equal([500, 500, 200], deliveries.Select(d => d.Status));
        Assert.True(deliveries[2].At - deliveries[1].At >= TimeSpan.FromMilliseconds(250), "the second retry waits 5 min × 0.001");
        foreach (var push in pushes)
        {
            Assert.Equal(EventSigner.Sign(push.Timestamp, push.Nonce, Key, push.Body), push.Signature);
            using var body = JsonDocument.Parse(push.Body);
            using var plain = JsonDocument.Parse(EventCipher.Decrypt(Key, body.RootElement.GetProperty("encrypt").GetString()!));
            var header = plain.RootElement.GetProperty("header");
            Assert.Equal("contact.user.updated_v3", header.GetProperty("event_type").GetString());
            Assert.Equal("vt-1", header.GetProperty("token").GetString());
            Assert.Equal(app.AppId, header.GetProperty("app_id").GetString());
            Assert.Equal("首席测试官", plain.RootElement.GetProperty("event").GetProperty("object").GetProperty("job_title").GetString());
        }
        Assert.Single(pushes.Select(p => JsonDocument.Parse(EventCipher.Decrypt(Key, JsonDocument.Parse(p.Body).RootElement.GetProperty("encrypt").GetString()!))
            .RootElement.GetProperty("header").GetProperty("event_id").GetString()).Distinct());
    }

    [Fact]
    public async Task Push_Plaintext_Duplicates_DeliveredTwice()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var server = await Emulators.StartAsync(new EmulatorOptions
        {
            Generate = Emulators.SmallOrg, EventTargets = [new EventTargetOptions { Url = receiver.Url, DuplicateRate = 1.0 }],
        });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        await client.SendAsync(HttpMethod.Post, "/open-apis/contact/v3/departments", token, new { name = "复制部", parent_department_id = "0" });
        var pushes = await receiver.WaitForAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, pushes.Count);
        Assert.Equal(pushes[0].Body, pushes[1].Body);
        Assert.Contains("contact.department.created_v3", pushes[0].Body, StringComparison.Ordinal);
        Assert.Equal("", pushes[0].Signature);
    }

    [Fact]
    public async Task VerifyUrl_ReceiverEchoesChallenge_True()
    {
        await using var receiver = await EventReceiver.StartAsync(answer: body =>
        {
            using var doc = JsonDocument.Parse(EventCipher.Decrypt(Key, JsonDocument.Parse(body).RootElement.GetProperty("encrypt").GetString()!));
            return "{\"challenge\":\"" + doc.RootElement.GetProperty("challenge").GetString() + "\"}";
        });
        await using var server = await Emulators.StartAsync(new EmulatorOptions
        {
            Generate = Emulators.SmallOrg, EventTargets = [new EventTargetOptions { Url = receiver.Url, EncryptKey = Key, VerificationToken = "vt" }],
        });
        Assert.True(await server.Events.VerifyUrlAsync(0));
    }

    [Fact]
    public async Task LimitedScope_ChangeOutsideScope_NoEventForThatApp()
    {
        var org = new EmulatedOrg(OrgGenerator.Generate(Emulators.SmallOrg));
        var inside = org.Children("0")[0];
        var outsider = org.Document.Users.First(u => u.DepartmentIds.Count == 1 && !org.IsBelowOrSelf(u.DepartmentIds[0], [inside.OpenDepartmentId]));
        var full = Emulators.App("cli_00000000000000b1");
        var limited = Emulators.App("cli_00000000000000b2", scope: new ContactScopeOptions { DepartmentIds = [inside.OpenDepartmentId] });
        await using var server = await Emulators.StartAsync(new EmulatorOptions { Generate = Emulators.SmallOrg, Apps = [full, limited] });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync(full.AppId);
        await client.SendAsync(HttpMethod.Patch, $"/open-apis/contact/v3/users/{outsider.OpenId}", token, new { name = "外人" });
        var e = Assert.Single(server.Events.Emitted);
        Assert.Equal(full.AppId, e.AppId);
    }

    [Fact]
    public async Task ChangeScope_ToOneDepartment_ScopeUpdatedEventWithAddedAndRemoved()
    {
        await using var server = await Emulators.StartAsync();
        var app = server.Apps.Default;
        var tops = server.Org.Children("0");
        server.ChangeScope(app.AppId, new ContactScopeOptions { DepartmentIds = [tops[0].DepartmentId] });
        var e = Assert.Single(server.Events.Emitted);
        Assert.Equal("contact.scope.updated_v3", e.EventType);
        using var doc = JsonDocument.Parse(e.Json);
        var ev = doc.RootElement.GetProperty("event");
        Assert.Equal(tops.Count - 1, ev.GetProperty("removed").GetProperty("departments").GetArrayLength());
        Assert.Equal(0, ev.GetProperty("added").GetProperty("departments").GetArrayLength());
        Assert.False(app.Scope.IsAll);
    }

    [Fact]
    public async Task Push_OutOfOrder_EveryEventArrives()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var server = await Emulators.StartAsync(new EmulatorOptions
        {
            Generate = Emulators.SmallOrg, EventTargets = [new EventTargetOptions { Url = receiver.Url, OutOfOrder = true }],
        });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        for (var i = 0; i < 6; i++)
            await client.SendAsync(HttpMethod.Post, "/open-apis/contact/v3/departments", token, new { name = "乱序" + i, parent_department_id = "0" });
        var pushes = await receiver.WaitForAsync(6, TimeSpan.FromSeconds(10));
        var received = pushes.Select(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("header").GetProperty("event_id").GetString()!).ToHashSet();
        Assert.Equal(server.Events.Emitted.Select(x => x.EventId).ToHashSet(), received);
    }
}
