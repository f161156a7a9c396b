using System.Text.Json;
using Corps.Emulator.Org;

namespace Corps.Emulator.Api;

/// <summary>contact/v3 user-group reads (note the odd list keys: grouplist, memberlist, group_list).</summary>
internal static class GroupReadEndpoints
{
    private const string Prefix = "/open-apis/contact/v3/group";

    public static void MapGroupReads(this IEndpointRouteBuilder routes, ApiPipeline pipeline)
    {
        var simplelist = new ApiSpec("GET " + Prefix + "/simplelist", ReadPermissions.Groups, AcceptsUserToken: false);
        var members = new ApiSpec("GET " + Prefix + "/:group_id/member/simplelist", ReadPermissions.Groups, AcceptsUserToken: false);
        var belong = new ApiSpec("GET " + Prefix + "/member_belong", ReadPermissions.Groups, AcceptsUserToken: false);
        var get = new ApiSpec("GET " + Prefix + "/:group_id", ReadPermissions.Groups, AcceptsUserToken: false);
        routes.MapGet(Prefix + "/simplelist", http => pipeline.RunAsync(http, simplelist, SimpleList));
        routes.MapGet(Prefix + "/member_belong", http => pipeline.RunAsync(http, belong, MemberBelong));
        routes.MapGet(Prefix + "/{group_id}/member/simplelist", http => pipeline.RunAsync(http, members, MemberSimpleList));
        routes.MapGet(Prefix + "/{group_id}", http => pipeline.RunAsync(http, get, Get));
    }

    public static void WriteGroup(Utf8JsonWriter w, OrgGroup g)
    {
        w.WriteStartObject();
        w.WriteString("id", g.Id);
        w.WriteString("name", g.Name);
        w.WriteString("description", g.Description ?? "");
        w.WriteNumber("member_user_count", g.Members.Count(m => m.MemberType == "user"));
        w.WriteNumber("member_department_count", g.Members.Count(m => m.MemberType == "department"));
        w.WriteNumber("type", g.Type);
        w.WriteStartArray("department_scope_list");
        w.WriteEndArray();
        if (g.GroupId is not null) w.WriteString("group_id", g.GroupId);
        w.WriteEndObject();
    }

    private static ApiError? SimpleList(ApiCall call, Utf8JsonWriter w)
    {
        var type = call.Query("type") switch
        {
            null or "" or "1" => 1,
            "2" => 2,
            var other => -1 - (other?.Length ?? 0),
        };
        if (type < 0) return ApiErrors.FieldInvalid("type", call.Query("type")!, "type must be 1 (normal) or 2 (dynamic)");
        var error = Paging.Resolve(call, 50, 100, type.ToString(System.Globalization.CultureInfo.InvariantCulture), out var offset, out var size);
        if (error is not null) return error;
        var groups = call.Org.Document.Groups.Where(g => g.Type == type && call.Scope.SeesGroup(g.Id)).ToList();
        w.WriteStartObject();
        w.WriteStartArray("grouplist");
        var end = Math.Min(groups.Count, offset + size);
        for (var i = offset; i < end; i++) WriteGroup(w, groups[i]);
        w.WriteEndArray();
        Paging.WriteTail(w, call, type.ToString(System.Globalization.CultureInfo.InvariantCulture), end, groups.Count);
        return null;
    }

    private static ApiError? Get(ApiCall call, Utf8JsonWriter w)
    {
        var error = Resolve(call, call.Route("group_id"), out var group);
        if (error is not null) return error;
        w.WriteStartObject();
        w.WritePropertyName("group");
        WriteGroup(w, group!);
        return null;
    }

    public static ApiError? Resolve(ApiCall call, string id, out OrgGroup? group)
    {
        group = call.Org.FindGroup(id);
        if (group is null) return call.Scope.IsAll ? ApiErrors.InvalidGroupId : ApiErrors.NoGroupAuthority;
        return call.Scope.SeesGroup(group.Id) ? null : ApiErrors.NoGroupAuthority;
    }

    /// <summary>
    /// One member type per request (the docs: user or department, never both). <c>member_id_type</c> defaults to
    /// <c>open_id</c> for both types; for departments <c>open_id</c> means the open_department_id and
    /// <c>department_id</c> the custom id, and the user kinds (union_id, user_id) mean nothing. A mismatched kind is
    /// refused as a field validation failure: the docs list no error for it (UNCONFIRMED).
    /// </summary>
    private static ApiError? MemberSimpleList(ApiCall call, Utf8JsonWriter w)
    {
        var error = Resolve(call, call.Route("group_id"), out var group);
        if (error is not null) return error;
        var memberType = call.Query("member_type") is { Length: > 0 } mt ? mt : "user";
        if (memberType is not ("user" or "department")) return ApiErrors.FieldInvalid("member_type", memberType, "member_type must be user or department");
        var idType = call.Query("member_id_type") is { Length: > 0 } it ? it : "open_id";
        var valid = memberType == "user" ? idType is "open_id" or "union_id" or "user_id" : idType is "open_id" or "department_id";
        if (!valid)
        {
            return ApiErrors.FieldInvalid("member_id_type", idType, memberType == "user"
                ? "member_id_type must be open_id, union_id or user_id for user members"
                : "member_id_type must be open_id (open_department_id) or department_id for department members");
        }
        error = Paging.Resolve(call, 50, 100, group!.Id + "|" + memberType, out var offset, out var size);
        if (error is not null) return error;
        var members = group.Members.Where(m => m.MemberType == memberType).ToList();
        w.WriteStartObject();
        w.WriteStartArray("memberlist");
        var end = Math.Min(members.Count, offset + size);
        for (var i = offset; i < end; i++)
        {
            var m = members[i];
            w.WriteStartObject();
            w.WriteString("member_id", memberType == "user"
                ? call.Org.UserRef(m.MemberId, IdTypes.ParseUser(idType) ?? UserIdType.OpenId)
                : call.Org.DepartmentRef(m.MemberId, idType == "department_id" ? DepartmentIdType.DepartmentId : DepartmentIdType.OpenDepartmentId));
            w.WriteString("member_type", memberType);
            w.WriteString("member_id_type", idType);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Paging.WriteTail(w, call, group.Id + "|" + memberType, end, members.Count);
        return null;
    }

    /// <summary>Groups a user belongs to. Page sizes UNCONFIRMED: 500 default, 1000 max as the docs' examples suggest.</summary>
    private static ApiError? MemberBelong(ApiCall call, Utf8JsonWriter w)
    {
        var memberId = call.Query("member_id");
        var idType = IdTypes.ParseUser(call.Query("member_id_type"));
        if (idType is null) return ApiErrors.FieldInvalid("member_id_type", call.Query("member_id_type")!, "member_id_type must be open_id, union_id or user_id");
        var user = string.IsNullOrEmpty(memberId) ? null : call.Org.FindUser(memberId, idType.Value);
        if (user is null || !call.Scope.SeesUser(call.Org, user)) return ApiErrors.NoUserAuthority;
        var groupType = call.Query("group_type");
        var error = Paging.Resolve(call, 500, 1000, user.OpenId + "|" + groupType, out var offset, out var size);
        if (error is not null) return error;
        var groups = call.Org.Document.Groups
            .Where(g => (string.IsNullOrEmpty(groupType) || g.Type.ToString(System.Globalization.CultureInfo.InvariantCulture) == groupType)
                && call.Scope.SeesGroup(g.Id) && g.Members.Any(m => m.MemberType == "user" && m.MemberId == user.OpenId))
            .ToList();
        w.WriteStartObject();
        w.WriteStartArray("group_list");
        var end = Math.Min(groups.Count, offset + size);
        for (var i = offset; i < end; i++) w.WriteStringValue(groups[i].Id);
        w.WriteEndArray();
        Paging.WriteTail(w, call, user.OpenId + "|" + groupType, end, groups.Count);
        return null;
    }
}
