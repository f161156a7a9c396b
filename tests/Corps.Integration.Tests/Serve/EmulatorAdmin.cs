using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Corps.Emulator;
using Corps.Emulator.Options;

namespace Corps.Integration.Tests.Serve;

/// <summary>Changes the emulated directory the way an administrator would: through the contact v3 write API.</summary>
internal sealed class EmulatorAdmin(EmulatorServer emulator) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = emulator.BaseUrl };
    private string? _token;

    public static string AppId => EmulatorOptions.DefaultApp.AppId;

    public async Task<string> CreateUserAsync(string name, string departmentId, string? email = null)
    {
        var user = new JsonObject
        {
            ["name"] = name,
            ["mobile"] = "+86139" + Random.Shared.Next(10000000, 99999999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["department_ids"] = new JsonArray(departmentId),
            ["employee_type"] = 1,
        };
        if (email is not null)
            user["email"] = email;
        var data = await SendAsync(HttpMethod.Post, "/open-apis/contact/v3/users?user_id_type=open_id&department_id_type=open_department_id", user);
        return data["user"]!["open_id"]!.GetValue<string>();
    }

    public Task RenameUserAsync(string openId, string name) =>
        SendAsync(HttpMethod.Patch, $"/open-apis/contact/v3/users/{openId}?user_id_type=open_id", new JsonObject { ["name"] = name });

    public Task MoveUserAsync(string openId, string departmentId) =>
        SendAsync(HttpMethod.Patch, $"/open-apis/contact/v3/users/{openId}?user_id_type=open_id&department_id_type=open_department_id",
            new JsonObject { ["department_ids"] = new JsonArray(departmentId) });

    public Task DeleteUserAsync(string openId) =>
        SendAsync(HttpMethod.Delete, $"/open-apis/contact/v3/users/{openId}?user_id_type=open_id", null);

    public async Task SetScopeAsync(JsonObject scope)
    {
        using var response = await _http.PutAsJsonAsync($"/_emulator/apps/{AppId}/scope", scope);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Top-level departments (under the root), by open department id.</summary>
    public IReadOnlyList<string> TopDepartments()
    {
        using var read = emulator.Org.EnterRead();
        return emulator.Org.Children("0").Select(d => d.OpenDepartmentId).ToList();
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonObject? body)
    {
        _token ??= await TokenAsync();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await _http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (json["code"]!.GetValue<int>() != 0)
            throw new InvalidOperationException($"{method} {path} failed: {json.ToJsonString()}");
        return json["data"] ?? new JsonObject();
    }

    private async Task<string> TokenAsync()
    {
        using var response = await _http.PostAsJsonAsync("/open-apis/auth/v3/tenant_access_token/internal",
            new { app_id = AppId, app_secret = EmulatorOptions.DefaultApp.AppSecret });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return json["tenant_access_token"]!.GetValue<string>();
    }

    public void Dispose() => _http.Dispose();
}
