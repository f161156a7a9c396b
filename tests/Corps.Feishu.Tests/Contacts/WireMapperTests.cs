using System.Text.Json;
using Corps.Abstractions;
using Corps.Feishu.Contacts;
using Corps.Feishu.Wire;

namespace Corps.Feishu.Tests.Contacts;

public sealed class WireMapperTests
{
    private static WireUser User(string json) => JsonSerializer.Deserialize(json, FeishuJsonContext.Default.WireUser)!;

    private static WireDepartment Department(string json) => JsonSerializer.Deserialize(json, FeishuJsonContext.Default.WireDepartment)!;

    [Fact]
    public void ToMember_ReferenceExample_AllFieldsMapped()
    {
        var user = User("""
            {"open_id":"ou_7dab","union_id":"on_94a1","user_id":"3e3cf96b","name":"张三","en_name":"San Zhang","email":"a@x.com",
             "mobile":"+8613011111111","gender":1,"avatar":{"avatar_72":"https://a/72","avatar_240":"https://a/240"},
             "status":{"is_frozen":false,"is_resigned":false,"is_activated":true,"is_exited":false,"is_unjoin":false},
             "department_ids":["od-4e6a"],"leader_user_id":"ou_boss","join_time":1700000000,"is_tenant_manager":false,"employee_type":1,
             "job_title":"Engineer","employee_no":"E001","city":"Hangzhou",
             "custom_attrs":[{"type":"TEXT","id":"C-1","value":{"text":"blue"}}],
             "orders":[{"department_id":"od-4e6a","user_order":100,"department_order":100,"is_primary_dept":true}]}
            """);

        var member = WireMapper.ToMember(user, "tk", WireMapper.OwnMemberships(user));

        Assert.Equal("ou_7dab", member.ExternalId);
        Assert.Equal("张三", member.Name);
        Assert.Equal("San Zhang", member.EnglishName);
        Assert.Equal("a@x.com", member.Email);
        Assert.Equal("+8613011111111", member.Mobile);
        Assert.Equal("https://a/240", member.AvatarUrl);
        Assert.Equal("Engineer", member.JobTitle);
        Assert.Equal("E001", member.EmployeeNo);
        Assert.Equal("1", member.EmployeeType);
        Assert.Equal(MemberStatus.Active, member.Status);
        Assert.Equal("ou_boss", member.LeaderExternalId);
        Assert.False(member.IsTenantManager);
        Assert.Equal([new UpstreamMembership("od-4e6a", 100, true)], member.Memberships);
        Assert.Equal("on_94a1", member.Identities["union_id"]);
        Assert.Equal("3e3cf96b", member.Identities["user_id"]);
        Assert.Equal("tk", member.Identities["tenant_key"]);
        Assert.Equal("blue", member.Attributes["custom.C-1"]);
        Assert.Equal("1700000000", member.Attributes["join_time"]);
        Assert.Equal("Hangzhou", member.Attributes["city"]);
    }

    [Fact]
    public void ToMember_OnlyIds_EverythingElseUnknown()
    {
        var user = User("""{"open_id":"ou_1","union_id":"on_1"}""");

        var member = WireMapper.ToMember(user, null, WireMapper.OwnMemberships(user));

        Assert.Null(member.Name);
        Assert.Null(member.Email);
        Assert.Null(member.Mobile);
        Assert.Null(member.EmployeeType);
        Assert.Null(member.IsTenantManager);
        Assert.Null(member.Memberships);
        Assert.False(member.Identities.ContainsKey("user_id"));
        Assert.Equal(MemberStatus.Active, member.Status);
    }

    [Theory]
    [InlineData("""{"is_resigned":true,"is_frozen":true}""", MemberStatus.Resigned)]
    [InlineData("""{"is_exited":true}""", MemberStatus.Resigned)]
    [InlineData("""{"is_frozen":true,"is_activated":false}""", MemberStatus.Frozen)]
    [InlineData("""{"is_activated":false}""", MemberStatus.NotActivated)]
    [InlineData("""{"is_activated":true,"is_unjoin":true}""", MemberStatus.NotActivated)]
    [InlineData("""{"is_activated":true}""", MemberStatus.Active)]
    public void ToStatus_Flags_Precedence(string statusJson, MemberStatus expected)
    {
        var user = User($$"""{"open_id":"ou_1","status":{{statusJson}}}""");

        Assert.Equal(expected, WireMapper.ToStatus(user.Status));
    }

    [Fact]
    public void OwnMemberships_DepartmentIdsWithoutOrders_FirstIsPrimary()
    {
        var user = User("""{"open_id":"ou_1","department_ids":["od-a","od-b"]}""");

        Assert.Equal([new UpstreamMembership("od-a", 0, true), new UpstreamMembership("od-b", 0, false)], WireMapper.OwnMemberships(user));
    }

    [Fact]
    public void ToDepartment_ReadShape_OrderStringParentAndLeaders()
    {
        var department = Department("""
            {"name":"R&D","i18n_name":{"en_us":"R&D"},"parent_department_id":"od-parent","department_id":"rd","open_department_id":"od-rd",
             "leader_user_id":"ou_lead","chat_id":"oc_1","order":"2000","member_count":12,"status":{"is_deleted":false},
             "leaders":[{"leaderType":1,"leaderID":"ou_lead"},{"leaderType":2,"leaderID":"ou_dep"}]}
            """);

        var mapped = WireMapper.ToDepartment(department);

        Assert.Equal("od-rd", mapped.ExternalId);
        Assert.Equal("od-parent", mapped.ParentExternalId);
        Assert.Equal(2000, mapped.Order);
        Assert.Equal("ou_lead", mapped.LeaderExternalId);
        Assert.Equal("rd", mapped.Identities["department_id"]);
        Assert.Equal("ou_dep", mapped.Attributes["deputy_leaders"]);
        Assert.Equal("12", mapped.Attributes["member_count"]);
    }

    [Fact]
    public void ToDepartment_NoFieldPermissions_IdAsNameAndRootParent()
    {
        var mapped = WireMapper.ToDepartment(Department("""{"open_department_id":"od-x","order":"not a number"}"""));

        Assert.Equal("od-x", mapped.Name);
        Assert.Null(mapped.ParentExternalId);
        Assert.Equal(0, mapped.Order);
        Assert.Null(mapped.LeaderExternalId);
    }

    [Fact]
    public void MemberAccumulator_UserInTwoDepartments_OneMemberBothMemberships()
    {
        var accumulator = new MemberAccumulator();
        var user = User("""{"open_id":"ou_1"}""");
        accumulator.Add(user, "od-a");
        accumulator.Add(user, "od-b");
        accumulator.Add(user, "od-outside");

        var member = Assert.Single(accumulator.Build(new HashSet<string> { "od-a", "od-b" }, "tk"));

        Assert.Equal(["od-a", "od-b"], member.Memberships!.Select(m => m.DepartmentExternalId).Order());
    }

    [Fact]
    public void MemberAccumulator_LoneUserOutsideSnapshot_HangsUnderRoot()
    {
        var accumulator = new MemberAccumulator();
        accumulator.Add(User("""{"open_id":"ou_1","department_ids":["od-hidden"]}"""), null);

        var member = Assert.Single(accumulator.Build(new HashSet<string>(), null));

        Assert.Equal([new UpstreamMembership(CorpSnapshot.RootExternalId, 0, true)], member.Memberships);
    }
}
