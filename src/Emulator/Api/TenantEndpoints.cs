using System.Text.Json;

namespace Corps.Emulator.Api;

/// <summary><c>tenant/v2/tenant/query</c>.</summary>
internal static class TenantEndpoints
{
    public static void MapTenantApi(this IEndpointRouteBuilder routes, ApiPipeline pipeline)
    {
        var spec = new ApiSpec("GET /open-apis/tenant/v2/tenant/query", ReadPermissions.Tenant, AcceptsUserToken: false);
        routes.MapGet("/open-apis/tenant/v2/tenant/query", http => pipeline.RunAsync(http, spec, Query));
    }

    private static ApiError? Query(ApiCall call, Utf8JsonWriter w)
    {
        var t = call.Org.Tenant;
        w.WriteStartObject();
        w.WriteStartObject("tenant");
        w.WriteString("name", t.Name);
        w.WriteString("display_id", t.DisplayId);
        w.WriteNumber("tenant_tag", t.TenantTag);
        w.WriteString("tenant_key", t.TenantKey);
        w.WriteStartObject("avatar");
        foreach (var size in (string[])["avatar_72", "avatar_240", "avatar_640", "avatar_origin"])
            w.WriteString(size, "https://avatar.example.com/tenant/" + t.TenantKey + "/" + size + ".png");
        w.WriteEndObject();
        w.WriteString("domain", t.Domain);
        w.WriteEndObject();
        return null;
    }
}
