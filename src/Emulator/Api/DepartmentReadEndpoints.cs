using System.Text.Json;
using Corps.Emulator.Json;
using Corps.Emulator.Org;

namespace Corps.Emulator.Api;

/// <summary>contact/v3 department reads.</summary>
internal static class DepartmentReadEndpoints
{
    private const string Prefix = "/open-apis/contact/v3/departments";

    public static void MapDepartmentReads(this IEndpointRouteBuilder routes, ApiPipeline pipeline)
    {
        var children = new ApiSpec("GET " + Prefix + "/:department_id/children", ReadPermissions.Departments);
        var batch = new ApiSpec("GET " + Prefix + "/batch", ReadPermissions.Departments);
        var parent = new ApiSpec("GET " + Prefix + "/parent", ReadPermissions.Departments);
        var get = new ApiSpec("GET " + Prefix + "/:department_id", ReadPermissions.Departments);
        routes.MapGet(Prefix + "/batch", http => pipeline.RunAsync(http, batch, Batch));
        routes.MapGet(Prefix + "/parent", http => pipeline.RunAsync(http, parent, Parent));
        routes.MapGet(Prefix + "/{department_id}/children", http => pipeline.RunAsync(http, children, Children));
        routes.MapGet(Prefix + "/{department_id}", http => pipeline.RunAsync(http, get, Get));
    }

    /// <summary>
    /// Resolves a department parameter and checks the contact scope: "0" needs the full scope (40004), a
    /// department outside the scope is 40004. An id that names no department is 40015 for a full-scope app and
    /// 40004 otherwise (UNCONFIRMED: Feishu checks authority first, so a limited app cannot tell the two apart).
    /// </summary>
    public static ApiError? Resolve(ApiCall call, string? id, out string openId, out OrgDepartment? department)
    {
        openId = EmulatedOrg.RootId;
        department = null;
        if (string.IsNullOrEmpty(id)) return ApiErrors.FieldInvalid("department_id", "", "department_id is required");
        if (id == EmulatedOrg.RootId) return call.Scope.IsAll ? null : ApiErrors.NoDepartmentAuthority;
        department = call.Org.FindDepartment(id, call.DepartmentIdType);
        if (department is null) return call.Scope.IsAll ? ApiErrors.DepartmentNotExist : ApiErrors.NoDepartmentAuthority;
        openId = department.OpenDepartmentId;
        return call.Scope.SeesDepartment(call.Org, openId) ? null : ApiErrors.NoDepartmentAuthority;
    }

    public static JsonView View(ApiCall call) => new(call.Org, call.Gate, call.UserIdType, call.DepartmentIdType);

    private static ApiError? Children(ApiCall call, Utf8JsonWriter w)
    {
        var error = Resolve(call, call.Route("department_id"), out var openId, out _);
        if (error is not null) return error;
        var recursive = call.QueryFlag("fetch_child");
        error = Paging.Resolve(call, 10, 50, openId + "|" + recursive, out var offset, out var size);
        if (error is not null) return error;
        var list = recursive ? call.Org.Descendants(openId) : call.Org.Children(openId);
        var view = View(call);
        w.WriteStartObject();
        w.WriteStartArray("items");
        var end = Math.Min(list.Count, offset + size);
        for (var i = offset; i < end; i++) DepartmentJson.Write(w, list[i], view);
        w.WriteEndArray();
        Paging.WriteTail(w, call, openId + "|" + recursive, end, list.Count);
        return null;
    }

    private static ApiError? Get(ApiCall call, Utf8JsonWriter w)
    {
        var id = call.Route("department_id");
        var error = Resolve(call, id, out _, out var department);
        if (error is not null) return error;
        if (department is null) return ApiErrors.FieldInvalid("department_id", id, "the root department \"0\" is not a department object");
        w.WriteStartObject();
        w.WritePropertyName("department");
        DepartmentJson.Write(w, department, View(call));
        return null;
    }

    private static ApiError? Batch(ApiCall call, Utf8JsonWriter w)
    {
        var ids = call.QueryAll("department_ids");
        if (ids.Length == 0 || ids.Length > 50) return ApiErrors.FieldInvalid("department_ids", ids.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), "between 1 and 50 department_ids are required");
        var found = new List<OrgDepartment>(ids.Length);
        foreach (var id in ids)
        {
            var error = Resolve(call, id, out _, out var department);
            if (error is not null) return error;
            if (department is not null) found.Add(department);
        }
        var view = View(call);
        w.WriteStartObject();
        w.WriteStartArray("items");
        foreach (var d in found) DepartmentJson.Write(w, d, view);
        w.WriteEndArray();
        return null;
    }

    /// <summary>Ancestors nearest first. Under a limited scope, ancestors above the scope are left out (UNCONFIRMED).</summary>
    private static ApiError? Parent(ApiCall call, Utf8JsonWriter w)
    {
        var error = Resolve(call, call.Query("department_id"), out var openId, out var department);
        if (error is not null) return error;
        // UNCONFIRMED page sizes: the children endpoint's 10/50.
        error = Paging.Resolve(call, 10, 50, openId, out var offset, out var size);
        if (error is not null) return error;
        var list = department is null ? [] : call.Org.Ancestors(department).Where(a => call.Scope.SeesDepartment(call.Org, a.OpenDepartmentId)).ToList();
        var view = View(call);
        w.WriteStartObject();
        w.WriteStartArray("items");
        var end = Math.Min(list.Count, offset + size);
        for (var i = offset; i < end; i++) DepartmentJson.Write(w, list[i], view);
        w.WriteEndArray();
        Paging.WriteTail(w, call, openId, end, list.Count);
        return null;
    }
}
