using System.Security.Cryptography;
using System.Text.Json;
using Corps.Emulator.Json;
using Corps.Emulator.Org;

namespace Corps.Emulator.Api;

/// <summary>
/// contact/v3 user writes (tenant token only). Deleting a user makes them resigned (kept, out of every department)
/// as Feishu does; resurrecting restores them. Conflicts and bad references use the generic 40001 param error with
/// a message, since the specific codes are not in the reference.
/// </summary>
internal static class UserWriteEndpoints
{
    private const string Prefix = "/open-apis/contact/v3/users";

    public static void MapUserWrites(this IEndpointRouteBuilder routes, ApiPipeline pipeline)
    {
        var create = new ApiSpec("POST " + Prefix, ReadPermissions.Write, AcceptsUserToken: false, HasBody: true);
        var patch = new ApiSpec("PATCH " + Prefix + "/:user_id", ReadPermissions.Write, AcceptsUserToken: false, HasBody: true);
        var put = new ApiSpec("PUT " + Prefix + "/:user_id", ReadPermissions.Write, AcceptsUserToken: false, HasBody: true);
        var delete = new ApiSpec("DELETE " + Prefix + "/:user_id", ReadPermissions.Write, AcceptsUserToken: false);
        var resurrect = new ApiSpec("POST " + Prefix + "/:user_id/resurrect", ReadPermissions.Write, AcceptsUserToken: false, HasBody: true);
        var updateId = new ApiSpec("PATCH " + Prefix + "/:user_id/update_user_id", ReadPermissions.Write, AcceptsUserToken: false, HasBody: true);
        routes.MapPost(Prefix, http => pipeline.RunAsync(http, create, Create, write: true));
        routes.MapPatch(Prefix + "/{user_id}", http => pipeline.RunAsync(http, patch, Update, write: true));
        routes.MapPut(Prefix + "/{user_id}", http => pipeline.RunAsync(http, put, Update, write: true));
        routes.MapDelete(Prefix + "/{user_id}", http => pipeline.RunAsync(http, delete, Delete, write: true));
        routes.MapPost(Prefix + "/{user_id}/resurrect", http => pipeline.RunAsync(http, resurrect, Resurrect, write: true));
        routes.MapPatch(Prefix + "/{user_id}/update_user_id", http => pipeline.RunAsync(http, updateId, UpdateUserId, write: true));
    }

    private static ApiError? Create(ApiCall call, Utf8JsonWriter w)
    {
        var body = call.Body;
        var clientToken = call.Query("client_token");
        if (clientToken is not null && call.Emulator.ClientTokens.TryGetValue(call.App.AppId + "|" + clientToken, out var existingId)
            && call.Org.FindUser(existingId, UserIdType.OpenId) is { } existing)
            return WriteUser(call, w, existing);
        var name = body.Str("name");
        if (string.IsNullOrWhiteSpace(name)) return ApiErrors.FieldInvalid("name", "", "name is required");
        var deptIds = body.Strs("department_ids");
        if (deptIds is null || deptIds.Count == 0 || deptIds.Count > 50) return ApiErrors.FieldInvalid("department_ids", "", "1 to 50 department_ids are required");
        if (body.Int("employee_type") is not { } employeeType) return ApiErrors.FieldInvalid("employee_type", "", "employee_type is required");
        var error = ResolveDepartments(call, deptIds, out var openDepts);
        if (error is not null) return error;
        var mobile = body.Str("mobile");
        if (mobile is not null && call.Org.FindUserByMobile(mobile) is not null) return ApiErrors.Param("mobile already exists");
        var email = body.Str("email");
        if (email is not null && call.Org.FindUserByEmail(email) is not null) return ApiErrors.Param("email already exists");
        var userId = body.Str("user_id") ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        if (call.Org.FindUser(userId, UserIdType.UserId) is not null) return ApiErrors.Param("user_id already exists");
        var user = new OrgUser
        {
            OpenId = "ou_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UnionId = "on_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = userId,
            Name = name,
            Mobile = mobile,
            Email = email,
            EmployeeType = employeeType,
            JoinTime = call.Emulator.Time.GetUtcNow().ToUnixTimeSeconds(),
        };
        Apply(call, user, body);
        user.DepartmentIds = openDepts;
        user.Orders = [.. openDepts.Select((d, i) => new OrgUserOrder { DepartmentId = d, DepartmentOrder = i, IsPrimaryDept = i == 0, UserOrder = call.Org.DirectMembers(d).Count })];
        call.Org.Document.Users.Add(user);
        call.Org.IndexUser(user, addToDepartments: true);
        call.Org.Touch();
        if (clientToken is not null) call.Emulator.ClientTokens[call.App.AppId + "|" + clientToken] = user.OpenId;
        WriteEvents.User(call, "contact.user.created_v3", null, user);
        return WriteUser(call, w, user);
    }

    private static ApiError? Update(ApiCall call, Utf8JsonWriter w)
    {
        var error = UserReadEndpoints.Resolve(call, call.Route("user_id"), out var user);
        if (error is not null) return error;
        var before = user!.Clone();
        var body = call.Body;
        // Validate everything before changing anything: a failed call leaves the org as it was.
        List<string>? newDepartments = null;
        if (body.Strs("department_ids") is { } deptIds)
        {
            if (deptIds.Count == 0 || deptIds.Count > 50) return ApiErrors.FieldInvalid("department_ids", "", "1 to 50 department_ids are required");
            error = ResolveDepartments(call, deptIds, out newDepartments);
            if (error is not null) return error;
        }
        if (body.Str("mobile") is { } mobile && mobile != user.Mobile && call.Org.FindUserByMobile(mobile) is not null)
            return ApiErrors.Param("mobile already exists");
        if (body.Str("email") is { } email && !string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase) && call.Org.FindUserByEmail(email) is not null)
            return ApiErrors.Param("email already exists");
        if (newDepartments is not null)
        {
            call.Org.SetUserDepartments(user, newDepartments);
            user.Orders = [.. newDepartments.Select((d, i) => before.Orders.FirstOrDefault(o => o.DepartmentId == d)
                ?? new OrgUserOrder { DepartmentId = d, DepartmentOrder = i, IsPrimaryDept = i == 0 })];
        }
        call.Org.UnindexUser(user);
        if (body.Str("name") is { } name) user.Name = name;
        if (body.Str("mobile") is { } m) user.Mobile = m;
        if (body.Str("email") is { } e) user.Email = e;
        if (body.Int("employee_type") is { } et) user.EmployeeType = et;
        Apply(call, user, body);
        if (body.Bool("is_frozen") is { } frozen) user.Status = new OrgUserStatus
        {
            IsFrozen = frozen, IsActivated = user.Status.IsActivated, IsResigned = user.Status.IsResigned, IsExited = user.Status.IsExited, IsUnjoin = user.Status.IsUnjoin,
        };
        call.Org.IndexUser(user, addToDepartments: false);
        call.Org.Touch();
        WriteEvents.User(call, "contact.user.updated_v3", before, user);
        return WriteUser(call, w, user);
    }

    private static ApiError? Delete(ApiCall call, Utf8JsonWriter w)
    {
        var error = UserReadEndpoints.Resolve(call, call.Route("user_id"), out var user);
        if (error is not null) return error;
        if (user!.Status.IsResigned) return ApiErrors.Param("user is already resigned");
        var before = user.Clone();
        call.Org.SetUserDepartments(user, []);
        user.Orders = [];
        user.Status = new OrgUserStatus { IsResigned = true, IsActivated = before.Status.IsActivated, IsFrozen = false };
        call.Org.Touch();
        WriteEvents.User(call, "contact.user.deleted_v3", before, user);
        w.WriteStartObject();
        return null;
    }

    /// <summary>Re-hire: the user comes back into the given departments (or their primary one from before). Reported as an update of status and departments (UNCONFIRMED).</summary>
    private static ApiError? Resurrect(ApiCall call, Utf8JsonWriter w)
    {
        var user = call.Org.FindUser(call.Route("user_id"), call.UserIdType);
        if (user is null) return call.Scope.IsAll ? ApiErrors.UserIdInvalid : ApiErrors.NoUserAuthority;
        if (!user.Status.IsResigned) return ApiErrors.Param("user is not resigned");
        var deptIds = new List<string>();
        if (call.Body.Obj("departments") is { ValueKind: JsonValueKind.Array } departments)
            foreach (var d in departments.EnumerateArray()) if (d.Str("department_id") is { } id) deptIds.Add(id);
        if (deptIds.Count == 0) return ApiErrors.FieldInvalid("departments", "", "departments are required");
        var error = ResolveDepartments(call, deptIds, out var openDepts);
        if (error is not null) return error;
        var before = user.Clone();
        call.Org.SetUserDepartments(user, openDepts);
        user.Orders = [.. openDepts.Select((d, i) => new OrgUserOrder { DepartmentId = d, DepartmentOrder = i, IsPrimaryDept = i == 0 })];
        user.Status = new OrgUserStatus { IsActivated = true };
        call.Org.Touch();
        WriteEvents.User(call, "contact.user.updated_v3", before, user);
        w.WriteStartObject();
        return null;
    }

    private static ApiError? UpdateUserId(ApiCall call, Utf8JsonWriter w)
    {
        var error = UserReadEndpoints.Resolve(call, call.Route("user_id"), out var user);
        if (error is not null) return error;
        var newId = call.Body.Str("new_user_id");
        if (string.IsNullOrEmpty(newId)) return ApiErrors.FieldInvalid("new_user_id", "", "new_user_id is required");
        if (call.Org.FindUser(newId, UserIdType.UserId) is not null) return ApiErrors.Param("user_id already exists");
        var before = user!.Clone();
        call.Org.UnindexUser(user);
        user.UserId = newId;
        call.Org.IndexUser(user, addToDepartments: false);
        call.Org.Touch();
        WriteEvents.User(call, "contact.user.updated_v3", before, user);
        w.WriteStartObject();
        return null;
    }

    private static void Apply(ApiCall call, OrgUser user, JsonElement body)
    {
        if (body.Str("en_name") is { } en) user.EnName = en;
        if (body.Str("nickname") is { } nick) user.Nickname = nick;
        if (body.Bool("mobile_visible") is { } mv) user.MobileVisible = mv;
        if (body.Int("gender") is { } g) user.Gender = g;
        if (body.Str("leader_user_id") is { } leader) user.LeaderUserId = call.Org.FindUser(leader, call.UserIdType)?.OpenId ?? leader;
        if (body.Str("city") is { } city) user.City = city;
        if (body.Str("country") is { } country) user.Country = country;
        if (body.Str("work_station") is { } ws) user.WorkStation = ws;
        if (body.Long("join_time") is { } jt) user.JoinTime = jt;
        if (body.Str("employee_no") is { } no) user.EmployeeNo = no;
        if (body.Str("job_title") is { } title) user.JobTitle = title;
        if (body.Str("enterprise_email") is { } ee) user.EnterpriseEmail = ee;
    }

    private static ApiError? ResolveDepartments(ApiCall call, List<string> ids, out List<string> openIds)
    {
        openIds = [];
        foreach (var id in ids)
        {
            var error = DepartmentReadEndpoints.Resolve(call, id, out var openId, out _);
            if (error is not null) return error;
            if (!openIds.Contains(openId)) openIds.Add(openId);
        }
        return null;
    }

    private static ApiError? WriteUser(ApiCall call, Utf8JsonWriter w, OrgUser user)
    {
        w.WriteStartObject();
        w.WritePropertyName("user");
        UserJson.Write(w, user, new JsonView(call.Org, call.Gate, call.UserIdType, call.DepartmentIdType));
        return null;
    }
}
