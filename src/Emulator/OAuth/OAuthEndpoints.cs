using System.Buffers;
using System.Text.Json;
using Corps.Emulator.Api;
using Corps.Emulator.Apps;
using Corps.Emulator.Json;
using Corps.Emulator.Org;
using Microsoft.AspNetCore.WebUtilities;

namespace Corps.Emulator.OAuth;

/// <summary>
/// Login with Feishu: authorize (302 back with a 5-minute single-use code), code → user access token
/// (<c>authen/v2/oauth/token</c>, refresh tokens rotate and are single use), the legacy OIDC exchange, and
/// <c>authen/v1/user_info</c>. The v2 error codes are UNCONFIRMED: 20001 invalid_request, 20002 invalid_client,
/// 20003 invalid_grant (code), 20010 user has no access to the app (documented), 20024 unsupported_grant_type,
/// 20026 invalid_grant (refresh token).
/// </summary>
internal static class OAuthEndpoints
{
    public const string AuthorizeName = "GET /open-apis/authen/v1/authorize";
    public const string TokenName = "POST /open-apis/authen/v2/oauth/token";
    public const string OidcName = "POST /open-apis/authen/v1/oidc/access_token";
    public const string OidcRefreshName = "POST /open-apis/authen/v1/oidc/refresh_access_token";
    public const string UserInfoName = "GET /open-apis/authen/v1/user_info";

    public static void MapOAuthApi(this IEndpointRouteBuilder routes, EmulatorContext emulator, ApiPipeline pipeline)
    {
        routes.MapGet("/open-apis/authen/v1/authorize", http => AuthorizeAsync(http, emulator, pipeline, legacy: false));
        routes.MapGet("/open-apis/authen/v1/index", http => AuthorizeAsync(http, emulator, pipeline, legacy: true));
        routes.MapPost("/open-apis/authen/v2/oauth/token", http => TokenAsync(http, emulator, pipeline));
        routes.MapPost("/open-apis/authen/v1/oidc/access_token", http => OidcAsync(http, emulator, pipeline, refresh: false));
        routes.MapPost("/open-apis/authen/v1/oidc/refresh_access_token", http => OidcAsync(http, emulator, pipeline, refresh: true));
        routes.MapGet("/open-apis/authen/v1/user_info", http => UserInfoAsync(http, emulator, pipeline));
    }

    private static async Task AuthorizeAsync(HttpContext http, EmulatorContext emulator, ApiPipeline pipeline, bool legacy)
    {
        var preamble = await pipeline.StartAsync(http, AuthorizeName).ConfigureAwait(false);
        if (preamble is null) return;
        var q = http.Request.Query;
        var clientId = (string?)(legacy ? q["app_id"] : q["client_id"]);
        var redirect = (string?)q["redirect_uri"];
        var app = clientId is null ? null : emulator.Apps.Find(clientId);
        if (app is null || string.IsNullOrEmpty(redirect) || !Uri.TryCreate(redirect, UriKind.Absolute, out _))
        {
            await ApiPipeline.FailAsync(http, preamble.Counters, new ApiError(400, 20002, "invalid client_id or redirect_uri"), preamble.LogId).ConfigureAwait(false);
            return;
        }
        var who = (string?)q["emulator_user"] ?? emulator.OAuth.NextLoginUser;
        OrgUser? user;
        using (emulator.Org.EnterRead())
        {
            user = who is null
                ? emulator.Org.Document.Users.FirstOrDefault(u => !u.Status.IsResigned && !u.Status.IsFrozen && emulator.ScopeOf(app).SeesUser(emulator.Org, u))
                : emulator.Org.FindUserAny(who) ?? emulator.Org.FindUserByEmail(who);
        }
        if (user is null)
        {
            await ApiPipeline.FailAsync(http, preamble.Counters, new ApiError(400, 20001, "no such user to log in: " + who), preamble.LogId).ConfigureAwait(false);
            return;
        }
        var scope = (string?)q["scope"] ?? "";
        var code = emulator.OAuth.IssueCode(app.AppId, user.OpenId, scope, redirect);
        var target = QueryHelpers.AddQueryString(redirect, "code", code);
        if (q.TryGetValue("state", out var state)) target = QueryHelpers.AddQueryString(target, "state", state.ToString());
        http.Response.Redirect(target);
    }

    private static async Task TokenAsync(HttpContext http, EmulatorContext emulator, ApiPipeline pipeline)
    {
        var preamble = await pipeline.StartAsync(http, TokenName).ConfigureAwait(false);
        if (preamble is null) return;
        var body = await ReadBodyAsync(http).ConfigureAwait(false);
        var grantType = body.Str("grant_type");
        var app = body.Str("client_id") is { } id ? emulator.Apps.Find(id) : null;
        if (app is null || body.Str("client_secret") != app.AppSecret)
        {
            await OAuthErrorAsync(http, preamble, 20002, "invalid_client", "client_id or client_secret is invalid").ConfigureAwait(false);
            return;
        }
        if (emulator.RateLimiter.TryAcquire(TokenName, app.AppId) is { } limited)
        {
            Interlocked.Increment(ref preamble.Counters.ThrottledField);
            await ApiPipeline.FailAsync(http, preamble.Counters, ApiErrors.RateLimited(limited.Limit, limited.ResetSeconds), preamble.LogId).ConfigureAwait(false);
            return;
        }
        OAuthGrant? grant;
        switch (grantType)
        {
            case "authorization_code":
                var code = body.Str("code");
                if (string.IsNullOrEmpty(code))
                {
                    await OAuthErrorAsync(http, preamble, 20001, "invalid_request", "code is required").ConfigureAwait(false);
                    return;
                }
                grant = emulator.OAuth.RedeemCode(code);
                if (grant is null || grant.AppId != app.AppId || (body.Str("redirect_uri") is { } r && r != grant.RedirectUri))
                {
                    await OAuthErrorAsync(http, preamble, 20003, "invalid_grant", "the authorization code is invalid, expired or already used").ConfigureAwait(false);
                    return;
                }
                break;
            case "refresh_token":
                grant = body.Str("refresh_token") is { } rt ? emulator.OAuth.RedeemRefresh(rt) : null;
                if (grant is null || grant.AppId != app.AppId)
                {
                    await OAuthErrorAsync(http, preamble, 20026, "invalid_grant", "the refresh token is invalid, expired or already used").ConfigureAwait(false);
                    return;
                }
                break;
            default:
                await OAuthErrorAsync(http, preamble, 20024, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token").ConfigureAwait(false);
                return;
        }
        if (!UserCanUse(emulator, app, grant))
        {
            await OAuthErrorAsync(http, preamble, 20010, "access_denied", "the user has no access to this app").ConfigureAwait(false);
            return;
        }
        var token = emulator.Tokens.IssueUser(app.AppId, grant.UserOpenId, emulator.Options.UserTokenLifetime, grant.Scope);
        var offline = grant.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("offline_access");
        await WriteJsonAsync(http, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("code", 0);
            w.WriteString("access_token", token.Value);
            w.WriteNumber("expires_in", (int)emulator.Options.UserTokenLifetime.TotalSeconds);
            if (offline)
            {
                w.WriteString("refresh_token", emulator.OAuth.IssueRefresh(grant));
                w.WriteNumber("refresh_token_expires_in", (int)OAuthStore.RefreshLifetime.TotalSeconds);
            }
            w.WriteString("token_type", "Bearer");
            w.WriteString("scope", grant.Scope);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>Legacy OIDC exchange: app access token in the header, <c>data</c> envelope, refresh token always issued.</summary>
    private static async Task OidcAsync(HttpContext http, EmulatorContext emulator, ApiPipeline pipeline, bool refresh)
    {
        var preamble = await pipeline.StartAsync(http, refresh ? OidcRefreshName : OidcName).ConfigureAwait(false);
        if (preamble is null) return;
        var header = http.Request.Headers.Authorization.ToString();
        var appToken = header.StartsWith("Bearer ", StringComparison.Ordinal) ? emulator.Tokens.Find(header[7..].Trim()) : null;
        if (appToken is null || appToken.Kind != TokenKind.App)
        {
            await ApiPipeline.FailAsync(http, preamble.Counters, header.Length == 0 ? ApiErrors.NeedToken : new ApiError(400, 99991664, "invalid app token"), preamble.LogId).ConfigureAwait(false);
            return;
        }
        var app = emulator.Apps[appToken.AppId];
        var body = await ReadBodyAsync(http).ConfigureAwait(false);
        var grant = refresh
            ? (body.Str("refresh_token") is { } rt ? emulator.OAuth.RedeemRefresh(rt) : null)
            : (body.Str("code") is { } code ? emulator.OAuth.RedeemCode(code) : null);
        if (grant is null || grant.AppId != app.AppId)
        {
            await ApiPipeline.FailAsync(http, preamble.Counters, refresh ? new ApiError(400, 20026, "invalid refresh token") : new ApiError(400, 20003, "invalid code"), preamble.LogId).ConfigureAwait(false);
            return;
        }
        if (!UserCanUse(emulator, app, grant))
        {
            await ApiPipeline.FailAsync(http, preamble.Counters, new ApiError(400, 20010, "user has no access to this app"), preamble.LogId).ConfigureAwait(false);
            return;
        }
        var token = emulator.Tokens.IssueUser(app.AppId, grant.UserOpenId, emulator.Options.UserTokenLifetime, grant.Scope);
        await WriteJsonAsync(http, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("code", 0);
            w.WriteString("msg", "success");
            w.WriteStartObject("data");
            w.WriteString("access_token", token.Value);
            w.WriteString("refresh_token", emulator.OAuth.IssueRefresh(grant));
            w.WriteString("token_type", "Bearer");
            w.WriteNumber("expires_in", (int)emulator.Options.UserTokenLifetime.TotalSeconds);
            w.WriteNumber("refresh_expires_in", (int)OAuthStore.RefreshLifetime.TotalSeconds);
            w.WriteString("scope", grant.Scope);
            w.WriteEndObject();
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static async Task UserInfoAsync(HttpContext http, EmulatorContext emulator, ApiPipeline pipeline)
    {
        var preamble = await pipeline.StartAsync(http, UserInfoName).ConfigureAwait(false);
        if (preamble is null) return;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || header.Length <= 7)
        {
            await ApiPipeline.FailAsync(http, preamble.Counters, ApiErrors.NeedToken, preamble.LogId).ConfigureAwait(false);
            return;
        }
        var raw = header[7..].Trim();
        var token = emulator.Tokens.Find(raw);
        if (token is null || token.Kind != TokenKind.User)
        {
            var error = raw.StartsWith("u-", StringComparison.Ordinal) && emulator.Tokens.IsExpired(raw)
                ? new ApiError(400, 99991677, "user access token expired")
                : ApiErrors.InvalidUserToken;
            await ApiPipeline.FailAsync(http, preamble.Counters, error, preamble.LogId).ConfigureAwait(false);
            return;
        }
        var app = emulator.Apps[token.AppId];
        var gate = app.Gate;
        await WriteJsonAsync(http, w =>
        {
            using var read = emulator.Org.EnterRead();
            var u = emulator.Org.FindUser(token.UserOpenId!, UserIdType.OpenId);
            w.WriteStartObject();
            w.WriteNumber("code", 0);
            w.WriteString("msg", "success");
            w.WriteStartObject("data");
            if (u is not null)
            {
                w.WriteString("name", u.Name);
                w.WriteString("en_name", u.EnName ?? "");
                w.WriteString("avatar_url", u.Avatar?.Avatar240 ?? UserJson.AvatarUrl(u.OpenId, "240"));
                w.WriteString("avatar_thumb", u.Avatar?.Avatar72 ?? UserJson.AvatarUrl(u.OpenId, "72"));
                w.WriteString("avatar_middle", u.Avatar?.Avatar240 ?? UserJson.AvatarUrl(u.OpenId, "240"));
                w.WriteString("avatar_big", u.Avatar?.Avatar640 ?? UserJson.AvatarUrl(u.OpenId, "640"));
                w.WriteString("open_id", u.OpenId);
                w.WriteString("union_id", u.UnionId);
                if (gate.UserEmail && u.Email is not null) w.WriteString("email", u.Email);
                if (gate.UserEmail && u.EnterpriseEmail is not null) w.WriteString("enterprise_email", u.EnterpriseEmail);
                if (gate.UserId) w.WriteString("user_id", u.UserId);
                if (gate.UserPhone && u.Mobile is not null) w.WriteString("mobile", u.Mobile);
                w.WriteString("tenant_key", emulator.Org.Tenant.TenantKey);
                if (gate.UserEmployeeNo) w.WriteString("employee_no", u.EmployeeNo ?? "");
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static bool UserCanUse(EmulatorContext emulator, EmulatedApp app, OAuthGrant grant)
    {
        using var read = emulator.Org.EnterRead();
        var user = emulator.Org.FindUser(grant.UserOpenId, UserIdType.OpenId);
        return user is not null && !user.Status.IsResigned && !user.Status.IsFrozen && emulator.ScopeOf(app).SeesUser(emulator.Org, user);
    }

    private static Task OAuthErrorAsync(HttpContext http, ApiPreamble preamble, int code, string error, string description)
    {
        Interlocked.Increment(ref preamble.Counters.ErrorsField);
        http.Response.StatusCode = 400;
        return WriteJsonAsync(http, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("code", code);
            w.WriteString("error", error);
            w.WriteString("error_description", description);
            w.WriteEndObject();
        });
    }

    private static async Task WriteJsonAsync(HttpContext http, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options)) write(w);
        http.Response.ContentType = ApiResponses.JsonContentType;
        http.Response.ContentLength = buffer.WrittenCount;
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<JsonElement> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
            return JsonSerializer.SerializeToElement(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
        }
        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(new Dictionary<string, string>());
        }
    }
}
