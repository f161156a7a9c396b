using System.Security.Cryptography;
using System.Text.Json;
using Corps.Emulator.Org;

namespace Corps.Emulator.Api;

/// <summary>contact/v3 user-group writes. No events: no SDK knows of user-group events (UNCONFIRMED that none exist).</summary>
internal static class GroupWriteEndpoints
{
    private const string Prefix = "/open-apis/contact/v3/group";

    public static void MapGroupWrites(this IEndpointRouteBuilder routes, ApiPipeline pipeline)
    {
        var create = new ApiSpec("POST " + Prefix, ReadPermissions.Write, AcceptsUserToken: false, HasBody: true);
        var patch = new ApiSpec("PATCH " + Prefix + "/:group_id", ReadPermissions.Write, AcceptsUserToken: false, HasBody: true);
        var delete = new ApiSpec("DELETE " + Prefix + "/:group_id", ReadPermissions.Write, AcceptsUserToken: false);
        var add = new ApiSpec("POST " + Prefix + "/:group_id/member/add", ReadPermissions.Write, AcceptsUserToken: false, HasBody: true);
        var remove = new ApiSpec("POST " + Prefix + "/:group_id/member/remove", ReadPermissions.Write, AcceptsUserToken: false, HasBody: true);
        var batchAdd = new ApiSpec("POST " + Prefix + "/:group_id/member/batch_add", ReadPermissions.Write, AcceptsUserToken: false, HasBody: true);
        var batchRemove = new ApiSpec("POST " + Prefix + "/:group_id/member/batch_remove", ReadPermissions.Write, AcceptsUserToken: false, HasBody: true);
        routes.MapPost(Prefix, http => pipeline.RunAsync(http, create, Create, write: true));
        routes.MapPatch(Prefix + "/{group_id}", http => pipeline.RunAsync(http, patch, Update, write: true));
        routes.MapDelete(Prefix + "/{group_id}", http => pipeline.RunAsync(http, delete, Delete, write: true));
        routes.MapPost(Prefix + "/{group_id}/member/add", http => pipeline.RunAsync(http, add, (c, w) => Members(c, w, add: true, batch: false), write: true));
        routes.MapPost(Prefix + "/{group_id}/member/remove", http => pipeline.RunAsync(http, remove, (c, w) => Members(c, w, add: false, batch: false), write: true));
        routes.MapPost(Prefix + "/{group_id}/member/batch_add", http => pipeline.RunAsync(http, batchAdd, (c, w) => Members(c, w, add: true, batch: true), write: true));
        routes.MapPost(Prefix + "/{group_id}/member/batch_remove", http => pipeline.RunAsync(http, batchRemove, (c, w) => Members(c, w, add: false, batch: true), write: true));
    }

    private static ApiError? Create(ApiCall call, Utf8JsonWriter w)
    {
        var name = call.Body.Str("name");
        if (string.IsNullOrWhiteSpace(name)) return ApiErrors.FieldInvalid("name", "", "name is required");
        var id = call.Body.Str("group_id") ?? "g" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        if (call.Org.FindGroup(id) is not null) return ApiErrors.Param("group_id already exists");
        // The docs: the API creates, updates and deletes normal groups only; dynamic groups are the admin console's.
        if (call.Body.Int("type") is { } type && type != 1) return ApiErrors.FieldInvalid("type", type.ToString(System.Globalization.CultureInfo.InvariantCulture), "only normal user groups (type 1) can be created through the API");
        var group = new OrgGroup { Id = id, GroupId = id, Name = name, Description = call.Body.Str("description"), Type = 1 };
        call.Org.AddGroup(group);
        call.Org.Touch();
        w.WriteStartObject();
        w.WriteString("group_id", group.Id);
        return null;
    }

    private static ApiError? Update(ApiCall call, Utf8JsonWriter w)
    {
        var error = GroupReadEndpoints.Resolve(call, call.Route("group_id"), out var group);
        if (error is not null) return error;
        if (group!.Type != 1) return DynamicGroupReadOnly(group);
        if (call.Body.Str("name") is { } name) group!.Name = name;
        if (call.Body.Str("description") is { } description) group!.Description = description;
        call.Org.Touch();
        w.WriteStartObject();
        return null;
    }

    private static ApiError? Delete(ApiCall call, Utf8JsonWriter w)
    {
        var error = GroupReadEndpoints.Resolve(call, call.Route("group_id"), out var group);
        if (error is not null) return error;
        if (group!.Type != 1) return DynamicGroupReadOnly(group);
        call.Org.RemoveGroup(group);
        call.Org.Touch();
        w.WriteStartObject();
        return null;
    }

    private static ApiError? Members(ApiCall call, Utf8JsonWriter w, bool add, bool batch)
    {
        var error = GroupReadEndpoints.Resolve(call, call.Route("group_id"), out var group);
        if (error is not null) return error;
        if (group!.Type != 1) return DynamicGroupReadOnly(group);
        var entries = new List<JsonElement>();
        if (batch)
        {
            if (call.Body.Obj("members") is { ValueKind: JsonValueKind.Array } members) entries.AddRange(members.EnumerateArray());
            if (entries.Count == 0 || entries.Count > 100) return ApiErrors.FieldInvalid("members", "", "1 to 100 members are required");
        }
        else
        {
            entries.Add(call.Body);
        }
        var resolved = new List<OrgGroupMember>();
        foreach (var e in entries)
        {
            var type = e.Str("member_type") ?? "user";
            var id = e.Str("member_id");
            if (string.IsNullOrEmpty(id)) return ApiErrors.FieldInvalid("member_id", "", "member_id is required");
            // The docs: department members are read-only through the API (the admin console adds them).
            if (type != "user") return ApiErrors.FieldInvalid("member_type", type, "only user members can be added or removed through the API");
            var idType = IdTypes.ParseUser(e.Str("member_id_type")) ?? UserIdType.OpenId;
            var user = call.Org.FindUser(id, idType);
            if (user is null || !call.Scope.SeesUser(call.Org, user)) return ApiErrors.NoUserAuthority;
            resolved.Add(new OrgGroupMember { MemberId = user.OpenId, MemberType = "user" });
        }
        foreach (var m in resolved)
        {
            var index = group!.Members.FindIndex(x => x.MemberId == m.MemberId && x.MemberType == m.MemberType);
            if (add && index < 0) group.Members.Add(m);
            if (!add && index >= 0) group.Members.RemoveAt(index);
        }
        call.Org.Touch();
        w.WriteStartObject();
        if (batch)
        {
            w.WriteStartArray("results");
            foreach (var m in resolved)
            {
                w.WriteStartObject();
                w.WriteString("member_id", m.MemberId);
                w.WriteNumber("code", 0);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return null;
    }

    /// <summary>Writes to a dynamic group: the docs allow none (its rules pick its members); the code is UNCONFIRMED.</summary>
    private static ApiError DynamicGroupReadOnly(OrgGroup group) =>
        ApiErrors.Param($"group {group.Id} is a dynamic user group; only normal user groups can be changed through the API");
}
