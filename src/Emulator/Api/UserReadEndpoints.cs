using System.Text.Json;
using Corps.Emulator.Json;
using Corps.Emulator.Org;

namespace Corps.Emulator.Api;

/// <summary>contact/v3 user reads.</summary>
internal static class UserReadEndpoints
{
    private const string Prefix = "/open-apis/contact/v3/users";

    public static void MapUserReads(this IEndpointRouteBuilder routes, ApiPipeline pipeline)
    {
        var byDept = new ApiSpec("GET " + Prefix + "/find_by_department", ReadPermissions.UsersByDepartment);
        var batch = new ApiSpec("GET " + Prefix + "/batch", ReadPermissions.Users);
        var batchGetId = new ApiSpec("POST " + Prefix + "/batch_get_id", ReadPermissions.UserIds, AcceptsUserToken: false, HasBody: true);
        var get = new ApiSpec("GET " + Prefix + "/:user_id", ReadPermissions.Users);
        routes.MapGet(Prefix + "/find_by_department", http => pipeline.RunAsync(http, byDept, FindByDepartment));
        routes.MapGet(Prefix + "/batch", http => pipeline.RunAsync(http, batch, Batch));
        routes.MapPost(Prefix + "/batch_get_id", http => pipeline.RunAsync(http, batchGetId, BatchGetId));
        routes.MapGet(Prefix + "/{user_id}", http => pipeline.RunAsync(http, get, Get));
    }

    /// <summary>
    /// A user parameter: outside the scope is 41050; an id that names nobody is 41012 for a full-scope app and
    /// 41050 otherwise (UNCONFIRMED, as for departments).
    /// </summary>
    public static ApiError? Resolve(ApiCall call, string? id, out OrgUser? user)
    {
        user = string.IsNullOrEmpty(id) ? null : call.Org.FindUser(id, call.UserIdType);
        if (user is null) return call.Scope.IsAll ? ApiErrors.UserIdInvalid : ApiErrors.NoUserAuthority;
        return call.Scope.SeesUser(call.Org, user) ? null : ApiErrors.NoUserAuthority;
    }

    private static ApiError? FindByDepartment(ApiCall call, Utf8JsonWriter w)
    {
        var error = DepartmentReadEndpoints.Resolve(call, call.Query("department_id"), out var openId, out _);
        if (error is not null) return error;
        error = Paging.Resolve(call, 10, 50, openId, out var offset, out var size);
        if (error is not null) return error;
        var members = call.Org.DirectMembers(openId);
        var view = DepartmentReadEndpoints.View(call);
        w.WriteStartObject();
        w.WriteStartArray("items");
        var end = Math.Min(members.Count, offset + size);
        for (var i = offset; i < end; i++) UserJson.Write(w, members[i], view);
        w.WriteEndArray();
        Paging.WriteTail(w, call, openId, end, members.Count);
        return null;
    }

    private static ApiError? Get(ApiCall call, Utf8JsonWriter w)
    {
        var error = Resolve(call, call.Route("user_id"), out var user);
        if (error is not null) return error;
        w.WriteStartObject();
        w.WritePropertyName("user");
        UserJson.Write(w, user!, DepartmentReadEndpoints.View(call));
        return null;
    }

    /// <summary>Unknown and out-of-scope users are left out of the answer rather than failing it (UNCONFIRMED).</summary>
    private static ApiError? Batch(ApiCall call, Utf8JsonWriter w)
    {
        var ids = call.QueryAll("user_ids");
        if (ids.Length == 0 || ids.Length > 50)
            return ApiErrors.FieldInvalid("user_ids", ids.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), "between 1 and 50 user_ids are required");
        var view = DepartmentReadEndpoints.View(call);
        w.WriteStartObject();
        w.WriteStartArray("items");
        foreach (var id in ids)
        {
            var user = call.Org.FindUser(id, call.UserIdType);
            if (user is not null && call.Scope.SeesUser(call.Org, user)) UserJson.Write(w, user, view);
        }
        w.WriteEndArray();
        return null;
    }

    /// <summary>
    /// One entry per email, then per mobile; <c>user_id</c> (in the requested id type) only when the person exists,
    /// is in the app's scope, and is not resigned unless <c>include_resigned</c>.
    /// </summary>
    private static ApiError? BatchGetId(ApiCall call, Utf8JsonWriter w)
    {
        var emails = Strings(call.Body, "emails");
        var mobiles = Strings(call.Body, "mobiles");
        if (emails.Count > 50 || mobiles.Count > 50) return ApiErrors.FieldInvalid("emails", "", "at most 50 emails and 50 mobiles");
        var includeResigned = call.Body.TryGetProperty("include_resigned", out var ir) && ir.ValueKind == JsonValueKind.True;
        w.WriteStartObject();
        w.WriteStartArray("user_list");
        foreach (var email in emails) Entry(w, call, "email", email, call.Org.FindUserByEmail(email), includeResigned);
        foreach (var mobile in mobiles) Entry(w, call, "mobile", mobile, call.Org.FindUserByMobile(mobile), includeResigned);
        w.WriteEndArray();
        return null;
    }

    private static void Entry(Utf8JsonWriter w, ApiCall call, string key, string value, OrgUser? user, bool includeResigned)
    {
        w.WriteStartObject();
        if (user is not null && call.Scope.SeesUser(call.Org, user) && (includeResigned || !user.Status.IsResigned))
        {
            w.WriteString("user_id", call.UserIdType switch
            {
                UserIdType.UnionId => user.UnionId,
                UserIdType.UserId => user.UserId,
                _ => user.OpenId,
            });
            w.WriteString(key, value);
            w.WriteStartObject("status");
            w.WriteBoolean("is_frozen", user.Status.IsFrozen);
            w.WriteBoolean("is_resigned", user.Status.IsResigned);
            w.WriteBoolean("is_activated", user.Status.IsActivated);
            w.WriteBoolean("is_exited", user.Status.IsExited);
            w.WriteBoolean("is_unjoin", user.Status.IsUnjoin);
            w.WriteEndObject();
        }
        else
        {
            w.WriteString(key, value);
        }
        w.WriteEndObject();
    }

    private static List<string> Strings(JsonElement body, string name)
    {
        var list = new List<string>();
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
            foreach (var e in array.EnumerateArray())
                if (e.ValueKind == JsonValueKind.String) list.Add(e.GetString()!);
        return list;
    }
}
