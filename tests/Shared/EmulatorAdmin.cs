using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Corps.Emulator;
using Corps.Emulator.Options;
using Corps.Emulator.Org;

namespace Corps.Tests.Shared;

/// <summary>Changes the emulated directory the way an administrator would: through the contact v3 write API (so the
/// emulator also emits the matching events), as the app <paramref name="appId"/> (default: the emulator's default app).</summary>
internal sealed class EmulatorAdmin(EmulatorServer emulator, string? appId = null, string? appSecret = null) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = emulator.BaseUrl };
    private string? _token;

    /// <summary>The app the administrator acts as.</summary>
    public string AppId { get; } = appId ?? EmulatorOptions.DefaultApp.AppId;

    private string AppSecret { get; } = appSecret ?? EmulatorOptions.DefaultApp.AppSecret;

    public async Task<string> CreateUserAsync(string name, string departmentId, string? email = null)
    {
        var user = new JsonObject
        {
            ["name"] = name,
            ["mobile"] = "+86139" + Random.Shared.Next(10000000, 99999999).ToString(CultureInfo.InvariantCulture),
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

    public Task RenameDepartmentAsync(string openDepartmentId, string name) =>
        SendAsync(HttpMethod.Patch, $"/open-apis/contact/v3/departments/{openDepartmentId}?department_id_type=open_department_id",
            new JsonObject { ["name"] = name });

    /// <summary>A seeded mix of creates, renames, moves and deletes; returns the open ids of the people deleted.</summary>
    public async Task<IReadOnlyList<string>> ChurnAsync(int changes, int seed)
    {
        var random = new Random(seed);
        var deleted = new List<string>();
        for (var i = 0; i < changes; i++)
        {
            var departments = Departments();
            var people = ActivePeople();
            var person = people[random.Next(people.Count)];
            switch (random.Next(5))
            {
                case 0:
                    await CreateUserAsync($"New Person {seed}-{i}", departments[random.Next(departments.Count)]);
                    break;
                case 1:
                    await RenameUserAsync(person, $"Renamed {seed}-{i}");
                    break;
                case 2:
                    await MoveUserAsync(person, departments[random.Next(departments.Count)]);
                    break;
                case 3:
                    await DeleteUserAsync(person);
                    deleted.Add(person);
                    break;
                default:
                    await RenameDepartmentAsync(departments[random.Next(departments.Count)], $"Dept {seed}-{i}");
                    break;
            }
        }

        return deleted;
    }

    /// <summary>Top-level departments (under the root), by open department id.</summary>
    public IReadOnlyList<string> TopDepartments()
    {
        using var read = emulator.Org.EnterRead();
        return emulator.Org.Children(EmulatedOrg.RootId).Select(d => d.OpenDepartmentId).ToList();
    }

    /// <summary>Departments below the root, by open id.</summary>
    public IReadOnlyList<string> Departments()
    {
        using var read = emulator.Org.EnterRead();
        return emulator.Org.Descendants(EmulatedOrg.RootId).Select(d => d.OpenDepartmentId).ToList();
    }

    /// <summary>Active people in at least one department (not the tenant manager, whom deleting would be odd).</summary>
    public IReadOnlyList<string> ActivePeople()
    {
        using var read = emulator.Org.EnterRead();
        return emulator.Org.Document.Users.Where(u => u.DepartmentIds.Count > 0 && !u.Status.IsResigned && !u.IsTenantManager)
            .Select(u => u.OpenId).ToList();
    }

    public async Task SetScopeAsync(JsonObject scope)
    {
        using var response = await _http.PutAsJsonAsync($"/_emulator/apps/{AppId}/scope", scope);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A tenant token for the app; within its reuse window the emulator hands out the same token the host got,
    /// so tests can look for the host's own access token.</summary>
    public async Task<string> TokenAsync()
    {
        using var response = await _http.PostAsJsonAsync("/open-apis/auth/v3/tenant_access_token/internal",
            new { app_id = AppId, app_secret = AppSecret });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return json["tenant_access_token"]!.GetValue<string>();
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonObject? body, bool retried = false)
    {
        _token ??= await TokenAsync();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await _http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (json["code"]!.GetValue<int>() == 99991663 && !retried)
        {
            // A revoke-after fault revokes every token, the administrator's too.
            _token = null;
            return await SendAsync(method, path, body, retried: true);
        }

        if (json["code"]!.GetValue<int>() != 0)
            throw new InvalidOperationException($"{method} {path} failed: {json.ToJsonString()}");
        return json["data"] ?? new JsonObject();
    }

    public void Dispose() => _http.Dispose();
}
