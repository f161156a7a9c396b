using System.Globalization;
using System.Text.Json;

namespace Corps.Emulator.Api;

/// <summary>page_size / page_token handling shared by the list endpoints.</summary>
internal static class Paging
{
    /// <summary>Reads page_size (default when absent or 0; 40011 when not a number, negative or over the maximum) and page_token.</summary>
    public static ApiError? Resolve(ApiCall call, int defaultSize, int maxSize, string context, out int offset, out int size)
    {
        offset = 0;
        size = defaultSize;
        var raw = call.Query("page_size");
        if (!string.IsNullOrEmpty(raw))
        {
            if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) || parsed < 0 || parsed > maxSize)
                return ApiErrors.PageSizeInvalid;
            if (parsed > 0) size = parsed;
        }
        var token = call.Query("page_token");
        if (!string.IsNullOrEmpty(token))
        {
            var read = call.Emulator.PageTokens.Read(token, Context(call, context));
            if (read is null) return ApiErrors.PageTokenInvalid;
            offset = read.Value;
        }
        return null;
    }

    /// <summary>Writes <c>has_more</c> and, only when there is more, <c>page_token</c>.</summary>
    public static void WriteTail(Utf8JsonWriter w, ApiCall call, string context, int nextOffset, int total)
    {
        var more = nextOffset < total;
        w.WriteBoolean("has_more", more);
        if (more) w.WriteString("page_token", call.Emulator.PageTokens.Create(Context(call, context), nextOffset));
    }

    /// <summary>Writes one page of <paramref name="list"/> as <c>data{arrayName[…],has_more,page_token}</c>.</summary>
    public static ApiError? WritePage<T>(ApiCall call, Utf8JsonWriter w, IReadOnlyList<T> list, string arrayName,
        int defaultSize, int maxSize, string context, Action<Utf8JsonWriter, T> writeItem)
    {
        var error = Resolve(call, defaultSize, maxSize, context, out var offset, out var size);
        if (error is not null) return error;
        w.WriteStartObject();
        w.WriteStartArray(arrayName);
        var end = Math.Min(list.Count, offset + size);
        for (var i = offset; i < end; i++)
            writeItem(w, list[i]);
        w.WriteEndArray();
        WriteTail(w, call, context, end, list.Count);
        return null;
    }

    private static string Context(ApiCall call, string context) => call.Spec.Name + "|" + call.App.AppId + "|" + context;
}
