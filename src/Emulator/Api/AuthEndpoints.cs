using System.Text.Json;
using Corps.Emulator.Apps;

namespace Corps.Emulator.Api;

/// <summary>
/// <c>auth/v3</c> self-built app tokens. Fields sit at the top level (no <c>data</c>). Errors: a missing field is
/// 10003; an unknown app id or a wrong secret is 10014 "app secret invalid" — the reference's table pairs 10014 with
/// "app unauthorized" and 10015 with "wrong secret", but answers quoted from Feishu for a bad secret carry 10014
/// with that message, so 10014 it is (UNCONFIRMED); 10015 is left to the app-ticket flow this emulator does not model.
/// The HTTP status of these errors is UNCONFIRMED; 400 is used.
/// </summary>
internal static class AuthEndpoints
{
    public const string TenantTokenName = "POST /open-apis/auth/v3/tenant_access_token/internal";
    public const string AppTokenName = "POST /open-apis/auth/v3/app_access_token/internal";

    public static void MapAuthApi(this IEndpointRouteBuilder routes, EmulatorContext emulator, ApiPipeline pipeline)
    {
        routes.MapPost("/open-apis/auth/v3/tenant_access_token/internal", http => IssueAsync(http, emulator, pipeline, TenantTokenName, app: false));
        routes.MapPost("/open-apis/auth/v3/app_access_token/internal", http => IssueAsync(http, emulator, pipeline, AppTokenName, app: true));
    }

    private static async Task IssueAsync(HttpContext http, EmulatorContext emulator, ApiPipeline pipeline, string name, bool app)
    {
        var preamble = await pipeline.StartAsync(http, name).ConfigureAwait(false);
        if (preamble is null) return;
        string? appId = null, secret = null;
        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (doc.RootElement.TryGetProperty("app_id", out var a) && a.ValueKind == JsonValueKind.String) appId = a.GetString();
                if (doc.RootElement.TryGetProperty("app_secret", out var s) && s.ValueKind == JsonValueKind.String) secret = s.GetString();
            }
        }
        catch (JsonException)
        {
            // Falls through to "invalid param".
        }
        if (string.IsNullOrEmpty(appId) || string.IsNullOrEmpty(secret))
        {
            await Fail(http, preamble, new ApiError(400, 10003, "invalid param")).ConfigureAwait(false);
            return;
        }
        var found = emulator.Apps.Find(appId);
        if (found is null || !string.Equals(found.AppSecret, secret, StringComparison.Ordinal))
        {
            await Fail(http, preamble, new ApiError(400, 10014, "app secret invalid")).ConfigureAwait(false);
            return;
        }
        if (emulator.RateLimiter.TryAcquire(name, appId) is { } limited)
        {
            Interlocked.Increment(ref preamble.Counters.ThrottledField);
            await Fail(http, preamble, ApiErrors.RateLimited(limited.Limit, limited.ResetSeconds)).ConfigureAwait(false);
            return;
        }
        var tenant = emulator.Tokens.IssueOrReuse(appId, TokenKind.Tenant);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, Corps.Emulator.Json.JsonWriting.Options))
        {
            w.WriteStartObject();
            w.WriteNumber("code", 0);
            w.WriteString("msg", "ok");
            if (app)
            {
                var appToken = emulator.Tokens.IssueOrReuse(appId, TokenKind.App);
                w.WriteString("app_access_token", appToken.Value);
                w.WriteNumber("expire", emulator.Tokens.SecondsLeft(appToken));
                w.WriteString("tenant_access_token", tenant.Value);
            }
            else
            {
                w.WriteString("tenant_access_token", tenant.Value);
                w.WriteNumber("expire", emulator.Tokens.SecondsLeft(tenant));
            }
            w.WriteEndObject();
        }
        var malformed = emulator.Faults.Hits(preamble.CallNumber, Faults.FaultKind.Malformed);
        if (malformed) Interlocked.Increment(ref preamble.Counters.FaultedField);
        await ApiResponses.WriteAsync(http, 200, buffer.WrittenMemory, malformed).ConfigureAwait(false);
    }

    private static Task Fail(HttpContext http, ApiPreamble preamble, ApiError error)
    {
        Interlocked.Increment(ref preamble.Counters.ErrorsField);
        return ApiResponses.WriteErrorAsync(http, error, logId: null);
    }
}
