using System.Buffers;
using System.Text.Json;

namespace Corps.Emulator.Api;

/// <summary>Writes envelopes and errors.</summary>
internal static class ApiResponses
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static async Task WriteAsync(HttpContext http, int status, ReadOnlyMemory<byte> body, bool malformed)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = JsonContentType;
        // A malformed body is cut mid-way, as a truncated or corrupted proxy response would be.
        var payload = malformed ? body[..Math.Max(1, body.Length / 2)] : body;
        http.Response.ContentLength = payload.Length;
        await http.Response.Body.WriteAsync(payload, http.RequestAborted).ConfigureAwait(false);
    }

    public static byte[] Error(ApiError error, string? logId)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, Corps.Emulator.Json.JsonWriting.Options))
        {
            w.WriteStartObject();
            w.WriteNumber("code", error.Code);
            w.WriteString("msg", error.Msg);
            if (logId is not null)
            {
                w.WriteStartObject("error");
                w.WriteString("log_id", logId);
                if (error.PermissionViolations is { } violations)
                {
                    w.WriteStartArray("permission_violations");
                    foreach (var v in violations)
                    {
                        w.WriteStartObject();
                        w.WriteString("type", "action_scope_required");
                        w.WriteString("subject", v);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                if (error.FieldViolation is { } field)
                {
                    w.WriteStartArray("field_violations");
                    w.WriteStartObject();
                    w.WriteString("field", field.Field);
                    w.WriteString("value", field.Value);
                    w.WriteString("description", field.Description);
                    w.WriteEndObject();
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static Task WriteErrorAsync(HttpContext http, ApiError error, string? logId)
    {
        if (error.Headers is { } headers)
            foreach (var (k, v) in headers) http.Response.Headers[k] = v;
        return WriteAsync(http, error.Status, Error(error, logId), malformed: false);
    }
}
