using System.Text.Json;
using Corps.Emulator.Apps;
using Corps.Emulator.Faults;
using Corps.Emulator.Org;

namespace Corps.Emulator.Api;

/// <summary>
/// What every Open API request goes through, in Feishu's order as far as it is observable: log id, faults,
/// authentication, rate limit, permission, parameters, then the handler under the org lock.
/// </summary>
internal sealed class ApiPipeline(EmulatorContext emulator)
{
    private static readonly JsonElement s_emptyBody = JsonDocument.Parse("{}").RootElement;

    /// <summary>The start shared with the token endpoints: log id header, counting and faults. Null = already answered.</summary>
    public async Task<ApiPreamble?> StartAsync(HttpContext http, string name)
    {
        var logId = LogIds.Next(emulator.Time);
        http.Response.Headers["X-Tt-Logid"] = logId;
        var counters = emulator.Statistics.For(name);
        Interlocked.Increment(ref counters.CallsField);
        var faults = emulator.Faults;
        var call = faults.NextCall();
        if (faults.RevokeNow(call)) emulator.Tokens.Revoke(null);
        if (faults.Hits(call, FaultKind.Drop))
        {
            Interlocked.Increment(ref counters.FaultedField);
            http.Abort();
            return null;
        }
        if (faults.Hits(call, FaultKind.Slow))
        {
            Interlocked.Increment(ref counters.FaultedField);
            await Task.Delay(faults.Options.SlowDelay, http.RequestAborted).ConfigureAwait(false);
        }
        if (faults.Hits(call, FaultKind.ServerError))
        {
            Interlocked.Increment(ref counters.FaultedField);
            Interlocked.Increment(ref counters.ErrorsField);
            await WriteServerErrorAsync(http, call, logId).ConfigureAwait(false);
            return null;
        }
        if (faults.Hits(call, FaultKind.Storm))
        {
            Interlocked.Increment(ref counters.ThrottledField);
            Interlocked.Increment(ref counters.ErrorsField);
            await ApiResponses.WriteErrorAsync(http, ApiErrors.RateLimited(emulator.Options.RateLimit.PerSecond is > 0 and var l ? l : 50, 1), null).ConfigureAwait(false);
            return null;
        }
        return new ApiPreamble(logId, call, counters);
    }

    public async Task RunAsync(HttpContext http, ApiSpec spec, ApiHandler handler, bool write = false)
    {
        var preamble = await StartAsync(http, spec.Name).ConfigureAwait(false);
        if (preamble is null) return;
        var (logId, callNumber, counters) = preamble;
        var (token, authError) = Authenticate(http, spec);
        if (authError is not null)
        {
            await FailAsync(http, counters, authError, logId).ConfigureAwait(false);
            return;
        }
        var app = emulator.Apps.Find(token!.AppId);
        if (app is null)
        {
            await FailAsync(http, counters, ApiErrors.InvalidTenantToken, logId).ConfigureAwait(false);
            return;
        }
        if (emulator.RateLimiter.TryAcquire(spec.Name, app.AppId) is { } limited)
        {
            Interlocked.Increment(ref counters.ThrottledField);
            await FailAsync(http, counters, ApiErrors.RateLimited(limited.Limit, limited.ResetSeconds), logId).ConfigureAwait(false);
            return;
        }
        if (spec.AnyPermission.Count > 0 && !app.HasAny(spec.AnyPermission))
        {
            await FailAsync(http, counters, ApiErrors.PermissionDenied(spec.AnyPermission), logId).ConfigureAwait(false);
            return;
        }
        var call = new ApiCall(http, emulator, spec, app, token, logId);
        var paramError = ParseIdTypes(call);
        if (paramError is null && http.Request.Query.ContainsKey("page_token") && emulator.Faults.Hits(callNumber, FaultKind.PageToken))
        {
            Interlocked.Increment(ref counters.FaultedField);
            paramError = ApiErrors.PageTokenInvalid;
        }
        if (paramError is null && spec.HasBody)
        {
            try
            {
                using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
                call.Body = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                paramError = ApiErrors.Param("request body is not valid JSON");
            }
        }
        else
        {
            call.Body = s_emptyBody;
        }
        if (paramError is not null)
        {
            await FailAsync(http, counters, paramError, logId).ConfigureAwait(false);
            return;
        }

        using var buffer = new Json.PooledBufferWriter(32 * 1024);
        ApiError? error;
        List<Events.PendingEvent>? events = null;
        using (var w = new Utf8JsonWriter(buffer, Corps.Emulator.Json.JsonWriting.Options))
        {
            w.WriteStartObject();
            w.WriteNumber("code", 0);
            w.WriteString("msg", "success");
            w.WritePropertyName("data");
            if (write)
            {
                using var scope = emulator.Org.EnterWrite();
                call.Scope = emulator.ScopeOf(app);
                error = handler(call, w);
                events = emulator.Events.TakePending();
            }
            else
            {
                using var scope = emulator.Org.EnterRead();
                call.Scope = emulator.ScopeOf(app);
                error = handler(call, w);
            }
            if (error is null)
            {
                w.WriteEndObject(); // data (handlers leave it open)
                w.WriteEndObject(); // envelope
            }
        }
        if (events is { Count: > 0 }) emulator.Events.Publish(events);
        if (error is not null)
        {
            await FailAsync(http, counters, error, logId).ConfigureAwait(false);
            return;
        }
        var malformed = emulator.Faults.Hits(callNumber, FaultKind.Malformed);
        if (malformed) Interlocked.Increment(ref counters.FaultedField);
        await ApiResponses.WriteAsync(http, 200, buffer.WrittenMemory, malformed).ConfigureAwait(false);
    }

    public static Task FailAsync(HttpContext http, Control.EndpointCounters counters, ApiError error, string logId)
    {
        Interlocked.Increment(ref counters.ErrorsField);
        return ApiResponses.WriteErrorAsync(http, error, logId);
    }

    private (IssuedToken? Token, ApiError? Error) Authenticate(HttpContext http, ApiSpec spec)
    {
        var header = http.Request.Headers.Authorization;
        if (header.Count == 0 || string.IsNullOrWhiteSpace(header[0])) return (null, ApiErrors.NeedToken);
        var value = header[0]!;
        if (!value.StartsWith("Bearer ", StringComparison.Ordinal) || value.Length <= 7) return (null, ApiErrors.NeedToken);
        var raw = value[7..].Trim();
        if (!raw.StartsWith("t-", StringComparison.Ordinal) && !raw.StartsWith("u-", StringComparison.Ordinal))
        {
            // An app access token is not accepted here; Feishu answers with the "must start with t-/u-" code.
            return (null, raw.StartsWith("a-", StringComparison.Ordinal) ? ApiErrors.BadTokenPrefix : ApiErrors.InvalidTenantToken);
        }
        var isUser = raw[0] == 'u';
        var token = emulator.Tokens.Find(raw);
        if (token is null) return (null, isUser ? ApiErrors.InvalidUserToken : ApiErrors.InvalidTenantToken);
        // The reference notes the same codes mean "this API does not take that token type".
        if (isUser && !spec.AcceptsUserToken) return (null, ApiErrors.InvalidUserToken);
        return (token, null);
    }

    private static ApiError? ParseIdTypes(ApiCall call)
    {
        var userType = call.Query("user_id_type");
        var parsedUser = IdTypes.ParseUser(userType);
        if (parsedUser is null) return ApiErrors.FieldInvalid("user_id_type", userType!, "user_id_type must be open_id, union_id or user_id");
        var deptType = call.Query("department_id_type");
        var parsedDept = IdTypes.ParseDepartment(deptType);
        if (parsedDept is null) return ApiErrors.FieldInvalid("department_id_type", deptType!, "department_id_type must be open_department_id or department_id");
        // UNCONFIRMED (reference §8.5): asking for user_id without contact:user.employee_id:readonly. Feishu's
        // gateway answers such calls with the permission error naming that scope, so the emulator does too.
        if (parsedUser == UserIdType.UserId && !call.Gate.UserId)
            return ApiErrors.PermissionDenied([Permissions.UserEmployeeId]);
        call.UserIdType = parsedUser.Value;
        call.DepartmentIdType = parsedDept.Value;
        return null;
    }

    private static Task WriteServerErrorAsync(HttpContext http, long call, string logId)
    {
        // Rotate through the statuses a gateway produces; 500 carries Feishu's JSON, 502/503 an empty proxy body.
        return (call % 3) switch
        {
            0 => ApiResponses.WriteErrorAsync(http, ApiErrors.InternalError, logId),
            1 => WriteBareAsync(http, 502),
            _ => WriteBareAsync(http, 503),
        };
    }

    private static Task WriteBareAsync(HttpContext http, int status)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain";
        return http.Response.WriteAsync(status == 502 ? "Bad Gateway" : "Service Unavailable");
    }
}
