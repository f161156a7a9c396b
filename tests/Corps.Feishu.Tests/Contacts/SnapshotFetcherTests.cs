using System.Net;
using Corps.Abstractions;
using Corps.Feishu.Contacts;
using Corps.Feishu.Tests.Client;
using Corps.Feishu.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corps.Feishu.Tests.Contacts;

/// <summary>Fetch paths the emulator does not produce: 43010 (a department too big to list recursively).</summary>
public sealed class SnapshotFetcherTests
{
    private static HttpResponseMessage Respond(RecordedRequest r)
    {
        if (r.IsToken)
            return FakeHttpHandler.Token();
        var path = r.Path;
        if (path.EndsWith("/scopes", StringComparison.Ordinal))
            return FakeHttpHandler.Ok("""{"department_ids":["od-a","od-b"],"user_ids":[],"group_ids":[],"has_more":false}""");
        if (path.EndsWith("/departments/0/children", StringComparison.Ordinal))
        {
            return r.Query("fetch_child") == "true"
                ? FakeHttpHandler.Json("""{"code":43010,"msg":"big dept forbid recursion"}""", HttpStatusCode.BadRequest)
                : FakeHttpHandler.Ok("""{"has_more":false,"items":[{"open_department_id":"od-a","parent_department_id":"0","name":"A","order":"1"},{"open_department_id":"od-b","parent_department_id":"0","name":"B","order":"2"}]}""");
        }

        if (path.EndsWith("/departments/od-a/children", StringComparison.Ordinal))
            return FakeHttpHandler.Ok("""{"has_more":false,"items":[{"open_department_id":"od-c","parent_department_id":"od-a","name":"C","order":"1"}]}""");
        if (path.Contains("/departments/", StringComparison.Ordinal) && path.EndsWith("/children", StringComparison.Ordinal))
            return FakeHttpHandler.Ok("""{"has_more":false}""");
        if (path.EndsWith("/users/find_by_department", StringComparison.Ordinal))
        {
            var dept = r.Query("department_id");
            return dept switch
            {
                "0" => FakeHttpHandler.Ok("""{"has_more":false,"items":[{"open_id":"ou_boss","name":"Boss"}]}"""),
                "od-c" => FakeHttpHandler.Ok("""{"has_more":false,"items":[{"open_id":"ou_1","name":"One","department_ids":["od-c","od-b"]}]}"""),
                "od-b" => FakeHttpHandler.Ok("""{"has_more":false,"items":[{"open_id":"ou_1","name":"One","department_ids":["od-c","od-b"]}]}"""),
                _ => FakeHttpHandler.Ok("""{"has_more":false,"items":[]}"""),
            };
        }

        if (path.EndsWith("/group/simplelist", StringComparison.Ordinal))
            return FakeHttpHandler.Json("""{"code":99991672,"msg":"Access denied. One of the following scopes is required: [contact:group:readonly]"}""", HttpStatusCode.BadRequest);
        if (path.EndsWith("/tenant/query", StringComparison.Ordinal))
            return FakeHttpHandler.Ok("""{"tenant":{"name":"Acme","tenant_key":"tk-acme"}}""");
        return FakeHttpHandler.Json("""{"code":404,"msg":"not found"}""", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FetchAsync_RootTooBigForRecursion_ReadsLevelByLevel()
    {
        using var handler = new FakeHttpHandler((r, _) => Respond(r));
        using var client = ClientFactory.Create(handler);
        var fetcher = new SnapshotFetcher(new ContactApi(client), NullLogger.Instance, TimeProvider.System, "corps.TestCorp", "Test Corp");

        var snapshot = await fetcher.FetchAsync(CancellationToken.None);

        Assert.Equal(["od-a", "od-b", "od-c"], snapshot.Departments.Select(d => d.ExternalId).Order());
        Assert.Equal("od-a", snapshot.Departments.Single(d => d.ExternalId == "od-c").ParentExternalId);
        Assert.Equal("Acme", snapshot.RootName);
        Assert.Empty(snapshot.Groups);
        var one = snapshot.Members.Single(m => m.ExternalId == "ou_1");
        Assert.Equal(["od-b", "od-c"], one.Memberships!.Select(m => m.DepartmentExternalId).Order());
        Assert.Equal("tk-acme", one.Identities["tenant_key"]);
        Assert.Equal([new UpstreamMembership(CorpSnapshot.RootExternalId)], snapshot.Members.Single(m => m.ExternalId == "ou_boss").Memberships);
        Assert.Equal(handler.Calls, snapshot.ApiCalls);
    }

    [Fact]
    public async Task FetchAsync_DepartmentMembersFail_ThrowsRatherThanPartialSnapshot()
    {
        using var handler = new FakeHttpHandler((r, _) => r.Query("department_id") == "od-c"
            ? FakeHttpHandler.Json("""{"code":40004,"msg":"no dept authority error"}""", HttpStatusCode.Forbidden)
            : Respond(r));
        using var client = ClientFactory.Create(handler);
        var fetcher = new SnapshotFetcher(new ContactApi(client), NullLogger.Instance, TimeProvider.System, "corps.TestCorp", "Test Corp");

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => fetcher.FetchAsync(CancellationToken.None));

        Assert.Equal(40004, ex.Code);
    }

    [Fact]
    public async Task FetchAsync_GroupsOfBothTypes_CountedEmptyListsSkippedUncountedReadDepartmentsExpanded()
    {
        var memberReads = new System.Collections.Concurrent.ConcurrentBag<string>();
        HttpResponseMessage WithGroups(RecordedRequest r)
        {
            if (r.Path.EndsWith("/group/simplelist", StringComparison.Ordinal))
            {
                // The normal list leaves out the counts and the type: both member lists are read, the type is the list's.
                return r.Query("type") == "2"
                    ? FakeHttpHandler.Ok("""{"has_more":false,"grouplist":[{"id":"g2","name":"Dyn","type":2,"member_user_count":1,"member_department_count":0}]}""")
                    : FakeHttpHandler.Ok("""{"has_more":false,"grouplist":[{"id":"g1","name":"Mixed"}]}""");
            }

            if (r.Path.EndsWith("/member/simplelist", StringComparison.Ordinal))
            {
                var group = r.Path.Split('/')[^3];
                var type = r.Query("member_type");
                memberReads.Add(group + ":" + type + ":" + r.Query("member_id_type"));
                return (group, type) switch
                {
                    ("g1", "user") => FakeHttpHandler.Ok("""{"has_more":false,"memberlist":[{"member_id":"ou_boss","member_type":"user","member_id_type":"open_id"}]}"""),
                    ("g1", "department") => FakeHttpHandler.Ok("""{"has_more":false,"memberlist":[{"member_id":"od-a","member_type":"department","member_id_type":"open_id"}]}"""),
                    _ => FakeHttpHandler.Ok("""{"has_more":false,"memberlist":[{"member_id":"ou_1","member_type":"user","member_id_type":"open_id"}]}"""),
                };
            }

            return Respond(r);
        }

        using var handler = new FakeHttpHandler((r, _) => WithGroups(r));
        using var client = ClientFactory.Create(handler);
        var fetcher = new SnapshotFetcher(new ContactApi(client), NullLogger.Instance, TimeProvider.System, "corps.TestCorp", "Test Corp");

        var snapshot = await fetcher.FetchAsync(CancellationToken.None);

        Assert.Equal(["g1:department:open_id", "g1:user:open_id", "g2:user:open_id"], memberReads.Order(StringComparer.Ordinal));
        var mixed = snapshot.Groups.Single(g => g.ExternalId == "g1");
        Assert.False(mixed.IsDynamic);
        // od-a holds nobody directly; its sub-department od-c holds ou_1.
        Assert.Equal(["ou_1", "ou_boss"], mixed.MemberExternalIds.Order(StringComparer.Ordinal));
        var dynamic = snapshot.Groups.Single(g => g.ExternalId == "g2");
        Assert.True(dynamic.IsDynamic);
        Assert.Equal(["ou_1"], dynamic.MemberExternalIds);
    }
}
