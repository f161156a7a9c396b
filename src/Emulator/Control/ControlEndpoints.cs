using System.Text.Json;
using System.Text.Json.Nodes;
using Corps.Emulator.Api;
using Corps.Emulator.Events;
using Corps.Emulator.Options;
using Corps.Emulator.Org;

namespace Corps.Emulator.Control;

/// <summary>
/// The control API under <c>/_emulator/</c>: counters, token revocation, run-time changes to an app's permissions and
/// scope, rate limits, faults, the next OAuth login and event inspection. Not part of Feishu; never faulted or throttled.
/// </summary>
internal static class ControlEndpoints
{
    public static void MapControlApi(this IEndpointRouteBuilder routes, EmulatorContext emulator)
    {
        var group = routes.MapGroup("/_emulator");
        group.MapGet("/stats", () => Results.Json(Stats(emulator)));
        group.MapPost("/stats/reset", () =>
        {
            emulator.Statistics.Reset();
            return Results.Json(new JsonObject { ["ok"] = true });
        });
        group.MapGet("/apps", () => Results.Json(new JsonArray([.. emulator.Apps.All.Select(App)])));
        group.MapPost("/apps/{appId}/revoke", (string appId) =>
            emulator.Apps.Find(appId) is null ? NotFound("app", appId) : Results.Json(new JsonObject { ["revoked"] = emulator.Tokens.Revoke(appId) }));
        group.MapPost("/tokens/revoke", () => Results.Json(new JsonObject { ["revoked"] = emulator.Tokens.Revoke(null) }));
        group.MapPut("/apps/{appId}/permissions", async (string appId, HttpContext http) =>
        {
            var app = emulator.Apps.Find(appId);
            if (app is null) return NotFound("app", appId);
            var body = await ReadAsync(http).ConfigureAwait(false);
            app.SetPermissions(Strings(body, "permissions"));
            return Results.Json(App(app));
        });
        group.MapPut("/apps/{appId}/scope", async (string appId, HttpContext http) =>
        {
            var app = emulator.Apps.Find(appId);
            if (app is null) return NotFound("app", appId);
            var body = await ReadAsync(http).ConfigureAwait(false);
            ScopeEvents.ChangeScope(emulator, app, new ContactScopeOptions
            {
                IsAll = body.TryGetProperty("all", out var all) && all.ValueKind == JsonValueKind.True,
                DepartmentIds = Strings(body, "department_ids"),
                UserIds = Strings(body, "user_ids"),
                GroupIds = Strings(body, "group_ids"),
            });
            return Results.Json(App(app));
        });
        group.MapPut("/rate-limit", async (HttpContext http) =>
        {
            var body = await ReadAsync(http).ConfigureAwait(false);
            try
            {
                emulator.RateLimiter.Options = RateLimitOptions.Parse(body.GetProperty("spec").GetString() ?? "");
                emulator.RateLimiter.Reset();
                return Results.Json(new JsonObject { ["ok"] = true });
            }
            catch (Exception ex) when (ex is FormatException or KeyNotFoundException or InvalidOperationException)
            {
                return Results.Json(new JsonObject { ["error"] = ex.Message }, statusCode: 400);
            }
        });
        group.MapPut("/faults", async (HttpContext http) =>
        {
            var body = await ReadAsync(http).ConfigureAwait(false);
            try
            {
                emulator.Faults.Options = FaultOptions.Parse(body.GetProperty("spec").GetString() ?? "");
                emulator.Faults.Reset();
                return Results.Json(new JsonObject { ["ok"] = true });
            }
            catch (Exception ex) when (ex is FormatException or KeyNotFoundException or InvalidOperationException)
            {
                return Results.Json(new JsonObject { ["error"] = ex.Message }, statusCode: 400);
            }
        });
        group.MapPut("/oauth/next-user", async (HttpContext http) =>
        {
            var body = await ReadAsync(http).ConfigureAwait(false);
            emulator.OAuth.NextLoginUser = body.TryGetProperty("user", out var u) ? u.GetString() : null;
            return Results.Json(new JsonObject { ["ok"] = true });
        });
        group.MapGet("/events", () => Results.Json(new JsonArray([.. emulator.Events.Emitted.Select(e => (JsonNode)new JsonObject
        {
            ["event_id"] = e.EventId,
            ["event_type"] = e.EventType,
            ["app_id"] = e.AppId,
            ["event"] = JsonNode.Parse(e.Json),
        })])));
        group.MapGet("/events/deliveries", () => Results.Json(new JsonArray([.. emulator.Events.Deliveries.Select(d => (JsonNode)new JsonObject
        {
            ["event_id"] = d.EventId,
            ["event_type"] = d.EventType,
            ["url"] = d.Url.ToString(),
            ["attempt"] = d.Attempt,
            ["status"] = d.Status,
            ["at"] = d.At.ToUnixTimeMilliseconds(),
        })])));
        group.MapPost("/events/verify/{index:int}", async (int index, HttpContext http) =>
            index < 0 || index >= emulator.Events.Targets.Count
                ? NotFound("event target", index.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : Results.Json(new JsonObject { ["ok"] = await emulator.Events.VerifyUrlAsync(index, http.RequestAborted).ConfigureAwait(false) }));
        group.MapGet("/org", () =>
        {
            using var read = emulator.Org.EnterRead();
            return Results.Json(new JsonObject
            {
                ["tenant_key"] = emulator.Org.Tenant.TenantKey,
                ["tenant_name"] = emulator.Org.Tenant.Name,
                ["users"] = emulator.Org.UserCount,
                ["departments"] = emulator.Org.DepartmentCount,
                ["groups"] = emulator.Org.Groups.Count,
                ["version"] = emulator.Org.Version,
            });
        });
        group.MapGet("/org/export", (HttpContext http) =>
        {
            using var read = emulator.Org.EnterRead();
            var bytes = JsonSerializer.SerializeToUtf8Bytes(emulator.Org.Document, OrgJson.Document);
            return Results.Bytes(bytes, ApiResponses.JsonContentType);
        });
    }

    private static JsonObject Stats(EmulatorContext emulator)
    {
        var endpoints = new JsonObject();
        foreach (var (name, c) in emulator.Statistics.Endpoints.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            endpoints[name] = new JsonObject { ["calls"] = c.Calls, ["throttled"] = c.Throttled, ["faulted"] = c.Faulted, ["errors"] = c.Errors };
        }
        return new JsonObject { ["total_calls"] = emulator.Statistics.TotalCalls, ["endpoints"] = endpoints };
    }

    private static JsonNode App(Apps.EmulatedApp app) => new JsonObject
    {
        ["app_id"] = app.AppId,
        ["permissions"] = new JsonArray([.. app.GrantedPermissions.Order(StringComparer.Ordinal).Select(p => (JsonNode)p)]),
        ["scope"] = new JsonObject
        {
            ["all"] = app.Scope.IsAll,
            ["department_ids"] = new JsonArray([.. app.Scope.DepartmentIds.Select(p => (JsonNode)p)]),
            ["user_ids"] = new JsonArray([.. app.Scope.UserIds.Select(p => (JsonNode)p)]),
            ["group_ids"] = new JsonArray([.. app.Scope.GroupIds.Select(p => (JsonNode)p)]),
        },
    };

    private static IResult NotFound(string what, string id) => Results.Json(new JsonObject { ["error"] = $"No {what} '{id}'." }, statusCode: 404);

    private static async Task<JsonElement> ReadAsync(HttpContext http)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }
    }

    private static List<string> Strings(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
            ? [.. a.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];
}
