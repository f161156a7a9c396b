using System.Text.Json;
using Corps.Emulator.Org;

namespace Corps.Emulator.Api;

/// <summary>
/// <c>GET /contact/v3/scopes</c>: full scope → the first-level departments; otherwise exactly the chosen
/// departments (not expanded), users and groups. One page counts all three, in the order users → departments → groups.
/// </summary>
internal static class ScopeEndpoints
{
    public static void MapScopeReads(this IEndpointRouteBuilder routes, ApiPipeline pipeline)
    {
        var spec = new ApiSpec("GET /open-apis/contact/v3/scopes", ReadPermissions.Scopes, AcceptsUserToken: false);
        routes.MapGet("/open-apis/contact/v3/scopes", http => pipeline.RunAsync(http, spec, Scopes));
    }

    private static ApiError? Scopes(ApiCall call, Utf8JsonWriter w)
    {
        var scope = call.Scope;
        var users = scope.IsAll ? [] : scope.ChosenUsers;
        var departments = scope.IsAll ? call.Org.Children(EmulatedOrg.RootId).Select(d => d.OpenDepartmentId).ToList() : scope.ChosenDepartments;
        var groups = scope.IsAll ? [] : scope.ChosenGroups;
        var error = Paging.Resolve(call, 50, 100, "", out var offset, out var size);
        if (error is not null) return error;
        var total = users.Count + departments.Count + groups.Count;
        var end = Math.Min(total, offset + size);
        w.WriteStartObject();
        w.WriteStartArray("department_ids");
        for (var i = Math.Max(offset, users.Count); i < Math.Min(end, users.Count + departments.Count); i++)
            w.WriteStringValue(call.Org.DepartmentRef(departments[i - users.Count], call.DepartmentIdType));
        w.WriteEndArray();
        w.WriteStartArray("user_ids");
        for (var i = offset; i < Math.Min(end, users.Count); i++) w.WriteStringValue(call.Org.UserRef(users[i], call.UserIdType));
        w.WriteEndArray();
        w.WriteStartArray("group_ids");
        for (var i = Math.Max(offset, users.Count + departments.Count); i < end; i++) w.WriteStringValue(groups[i - users.Count - departments.Count]);
        w.WriteEndArray();
        Paging.WriteTail(w, call, "", end, total);
        return null;
    }
}
