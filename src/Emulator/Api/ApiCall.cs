using System.Text.Json;
using Corps.Emulator.Apps;
using Corps.Emulator.Org;

namespace Corps.Emulator.Api;

/// <summary>One authenticated Open API request as the handlers see it.</summary>
internal sealed class ApiCall(HttpContext http, EmulatorContext emulator, ApiSpec spec, EmulatedApp app, IssuedToken token, string logId)
{
    public HttpContext Http { get; } = http;

    public EmulatorContext Emulator { get; } = emulator;

    public EmulatedOrg Org => Emulator.Org;

    public ApiSpec Spec { get; } = spec;

    public EmulatedApp App { get; } = app;

    public IssuedToken Token { get; } = token;

    public string LogId { get; } = logId;

    public FieldGate Gate { get; } = app.Gate;

    public CompiledScope Scope { get; set; } = null!;

    public UserIdType UserIdType { get; set; }

    public DepartmentIdType DepartmentIdType { get; set; }

    public JsonElement Body { get; set; }

    public string? Query(string name)
    {
        var values = Http.Request.Query[name];
        return values.Count == 0 ? null : values[0];
    }

    public string[] QueryAll(string name) => Http.Request.Query[name].Where(v => v is not null).Select(v => v!).ToArray();

    public string Route(string name) => Http.Request.RouteValues[name] as string ?? "";

    public bool QueryFlag(string name) => string.Equals(Query(name), "true", StringComparison.OrdinalIgnoreCase);
}
