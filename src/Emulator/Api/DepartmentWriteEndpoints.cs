using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Corps.Emulator.Json;
using Corps.Emulator.Org;

namespace Corps.Emulator.Api;

/// <summary>contact/v3 department writes (tenant token only).</summary>
internal static class DepartmentWriteEndpoints
{
    private const string Prefix = "/open-apis/contact/v3/departments";

    public static void MapDepartmentWrites(this IEndpointRouteBuilder routes, ApiPipeline pipeline)
    {
        var create = new ApiSpec("POST " + Prefix, ReadPermissions.Write, AcceptsUserToken: false, HasBody: true);
        var patch = new ApiSpec("PATCH " + Prefix + "/:department_id", ReadPermissions.Write, AcceptsUserToken: false, HasBody: true);
        var put = new ApiSpec("PUT " + Prefix + "/:department_id", ReadPermissions.Write, AcceptsUserToken: false, HasBody: true);
        var delete = new ApiSpec("DELETE " + Prefix + "/:department_id", ReadPermissions.Write, AcceptsUserToken: false);
        var updateId = new ApiSpec("PATCH " + Prefix + "/:department_id/update_department_id", ReadPermissions.Write, AcceptsUserToken: false, HasBody: true);
        routes.MapPost(Prefix, http => pipeline.RunAsync(http, create, Create, write: true));
        routes.MapPatch(Prefix + "/{department_id}", http => pipeline.RunAsync(http, patch, Update, write: true));
        routes.MapPut(Prefix + "/{department_id}", http => pipeline.RunAsync(http, put, Update, write: true));
        routes.MapDelete(Prefix + "/{department_id}", http => pipeline.RunAsync(http, delete, Delete, write: true));
        routes.MapPatch(Prefix + "/{department_id}/update_department_id", http => pipeline.RunAsync(http, updateId, UpdateDepartmentId, write: true));
    }

    private static ApiError? Create(ApiCall call, Utf8JsonWriter w)
    {
        var body = call.Body;
        var clientToken = call.Query("client_token");
        if (clientToken is not null && call.Emulator.ClientTokens.TryGetValue(call.App.AppId + "|d|" + clientToken, out var existingId)
            && call.Org.FindDepartment(existingId, DepartmentIdType.OpenDepartmentId) is { } existing)
            return WriteDepartment(call, w, existing);
        var name = body.Str("name");
        if (string.IsNullOrWhiteSpace(name)) return ApiErrors.FieldInvalid("name", "", "name is required");
        var error = DepartmentReadEndpoints.Resolve(call, body.Str("parent_department_id"), out var parentOpenId, out _);
        if (error is not null) return error;
        var departmentId = body.Str("department_id");
        if (departmentId is not null)
        {
            if (departmentId is "0" or "1" || departmentId.StartsWith("od-", StringComparison.Ordinal))
                return ApiErrors.FieldInvalid("department_id", departmentId, "department_id must not be 0, 1 or start with od-");
            if (call.Org.FindDepartment(departmentId, DepartmentIdType.DepartmentId) is not null) return ApiErrors.Param("department_id already exists");
        }
        if (call.Org.Children(parentOpenId).Any(c => c.Name == name)) return ApiErrors.Param("a sibling department already has this name");
        var department = new OrgDepartment
        {
            Name = name,
            ParentDepartmentId = parentOpenId,
            OpenDepartmentId = "od-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            DepartmentId = departmentId ?? "D" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
            ChatId = body.Bool("create_group_chat") == true ? "oc_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : null,
            Order = body.Str("order") ?? ((call.Org.Children(parentOpenId).Count + 1) * 1000).ToString(CultureInfo.InvariantCulture),
        };
        Apply(call, department, body);
        call.Org.AddDepartment(department);
        call.Org.Touch();
        if (clientToken is not null) call.Emulator.ClientTokens[call.App.AppId + "|d|" + clientToken] = department.OpenDepartmentId;
        WriteEvents.Department(call, "contact.department.created_v3", null, department);
        return WriteDepartment(call, w, department);
    }

    private static ApiError? Update(ApiCall call, Utf8JsonWriter w)
    {
        var error = DepartmentReadEndpoints.Resolve(call, call.Route("department_id"), out var openId, out var department);
        if (error is not null) return error;
        if (department is null) return ApiErrors.Param("the root department cannot be changed");
        var before = department.Clone();
        var body = call.Body;
        if (body.Str("parent_department_id") is { } parent)
        {
            error = DepartmentReadEndpoints.Resolve(call, parent, out var parentOpenId, out var parentDepartment);
            if (error is not null) return error;
            if (parentOpenId == openId || (parentDepartment is not null && call.Org.Ancestors(parentDepartment).Any(a => a.OpenDepartmentId == openId)))
                return ApiErrors.Param("a department cannot move under itself");
            if (parentOpenId != department.ParentDepartmentId) call.Org.MoveDepartment(department, parentOpenId);
        }
        if (body.Str("name") is { } name) department.Name = name;
        if (body.Str("order") is { } order) department.Order = order;
        Apply(call, department, body);
        call.Org.Touch();
        WriteEvents.Department(call, "contact.department.updated_v3", before, department);
        return WriteDepartment(call, w, department);
    }

    private static ApiError? Delete(ApiCall call, Utf8JsonWriter w)
    {
        var error = DepartmentReadEndpoints.Resolve(call, call.Route("department_id"), out var openId, out var department);
        if (error is not null) return error;
        if (department is null) return ApiErrors.Param("the root department cannot be deleted");
        if (call.Org.Children(openId).Count > 0) return ApiErrors.Param("department has sub-departments; delete or move them first");
        if (call.Org.DirectMembers(openId).Count > 0) return ApiErrors.Param("department has members; move them first");
        var before = department.Clone();
        call.Org.RemoveDepartment(department);
        department.Status.IsDeleted = true;
        call.Org.Touch();
        WriteEvents.Department(call, "contact.department.deleted_v3", before, department);
        w.WriteStartObject();
        return null;
    }

    private static ApiError? UpdateDepartmentId(ApiCall call, Utf8JsonWriter w)
    {
        var error = DepartmentReadEndpoints.Resolve(call, call.Route("department_id"), out _, out var department);
        if (error is not null) return error;
        if (department is null) return ApiErrors.Param("the root department has no department_id");
        var newId = call.Body.Str("new_department_id");
        if (string.IsNullOrEmpty(newId) || newId is "0" or "1" || newId.StartsWith("od-", StringComparison.Ordinal))
            return ApiErrors.FieldInvalid("new_department_id", newId ?? "", "new_department_id must be set and must not be 0, 1 or start with od-");
        if (call.Org.FindDepartment(newId, DepartmentIdType.DepartmentId) is not null) return ApiErrors.Param("department_id already exists");
        var before = department.Clone();
        call.Org.ReindexDepartmentId(department, newId);
        call.Org.Touch();
        WriteEvents.Department(call, "contact.department.updated_v3", before, department);
        w.WriteStartObject();
        return null;
    }

    private static void Apply(ApiCall call, OrgDepartment department, JsonElement body)
    {
        if (body.Obj("i18n_name") is { ValueKind: JsonValueKind.Object } i18n)
            department.I18nName = new OrgI18nName { ZhCn = i18n.Str("zh_cn"), JaJp = i18n.Str("ja_jp"), EnUs = i18n.Str("en_us") };
        if (body.Str("leader_user_id") is { } leader)
        {
            var open = call.Org.FindUser(leader, call.UserIdType)?.OpenId ?? leader;
            department.LeaderUserId = open;
            department.Leaders = [new OrgDepartmentLeader { LeaderType = 1, LeaderId = open }];
        }
        if (body.Strs("unit_ids") is { } units) department.UnitIds = units;
    }

    private static ApiError? WriteDepartment(ApiCall call, Utf8JsonWriter w, OrgDepartment department)
    {
        w.WriteStartObject();
        w.WritePropertyName("department");
        DepartmentJson.Write(w, department, new JsonView(call.Org, call.Gate, call.UserIdType, call.DepartmentIdType));
        return null;
    }
}
