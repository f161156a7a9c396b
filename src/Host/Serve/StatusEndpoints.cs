using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Corps.Host.Serve;

/// <summary><c>GET /healthz</c> and <c>GET /status</c>.</summary>
public static class StatusEndpoints
{
    /// <summary>How status JSON is written (camelCase, enums as camelCase names, like the CLI's --json); <c>corps status</c> reads it back the same way.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = true,
    };

    /// <summary>Maps the operational endpoints.</summary>
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder endpoints)
    {
        // Liveness only: the process answers HTTP. A corp's trouble is in /status, not a reason to restart the host.
        endpoints.MapGet("/healthz", () => TypedResults.Text("ok"));
        endpoints.MapGet("/status", async (CorpStatusReader reader, CancellationToken cancellationToken) =>
            TypedResults.Json(await reader.ReadAsync(cancellationToken).ConfigureAwait(false), Json));
        return endpoints;
    }
}
