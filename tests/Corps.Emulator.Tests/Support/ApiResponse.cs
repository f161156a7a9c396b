using System.Net.Http.Headers;
using System.Text.Json;

namespace Corps.Emulator.Tests.Support;

/// <summary>An HTTP answer from the emulator, parsed.</summary>
internal sealed record ApiResponse(int Status, JsonElement Json, HttpResponseHeaders Headers, string Text)
{
    public int Code => Json.GetProperty("code").GetInt32();

    public JsonElement Data => Json.GetProperty("data");

    public string? Header(string name) => Headers.TryGetValues(name, out var v) ? v.First() : null;
}
