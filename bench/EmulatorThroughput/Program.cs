// Measures the emulator's throughput for paged find_by_department reads against a generated organisation.
// Usage: dotnet run -c Release --project bench/EmulatorThroughput -- [users] [depts] [seconds] [concurrency] [pageSize]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Corps.Emulator;
using Corps.Emulator.Options;

if (args.Contains("--serialize-only"))
{
    // Server-side cost alone: render one 50-user page 20,000 times.
    var org = new Corps.Emulator.Org.EmulatedOrg(Corps.Emulator.Org.OrgGenerator.Generate(new OrgGenerationOptions { Users = 10_000, Departments = 200, Seed = 1 }));
    var members = org.Document.Users.Where(u => !u.Status.IsResigned).Take(50).ToArray();
    var view = new Corps.Emulator.Json.JsonView(org, Corps.Emulator.Apps.FieldGate.From(new HashSet<string>(Corps.Emulator.Apps.Permissions.DefaultGrant)),
        Corps.Emulator.Org.UserIdType.OpenId, Corps.Emulator.Org.DepartmentIdType.OpenDepartmentId);
    var sw = Stopwatch.StartNew();
    long total = 0;
    for (var i = 0; i < 20_000; i++)
    {
        using var buffer = new Corps.Emulator.Json.PooledBufferWriter(32 * 1024);
        using (var w = new Utf8JsonWriter(buffer, Corps.Emulator.Json.JsonWriting.Options))
        {
            w.WriteStartArray();
            foreach (var u in members) Corps.Emulator.Json.UserJson.Write(w, u, view);
            w.WriteEndArray();
        }
        total += buffer.WrittenMemory.Length;
    }
    Console.WriteLine($"render 50 users: {sw.Elapsed.TotalMilliseconds * 1000 / 20_000:F1} µs per page, {total / 20_000} bytes");
    return;
}
var users = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var depts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
var concurrency = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 16;
var pageSize = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 50;

var generate = Stopwatch.StartNew();
await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
{
    Generate = new OrgGenerationOptions { Users = users, Departments = depts, Depth = 6, Seed = 1 },
});
Console.WriteLine($"org of {users} users / {depts} departments generated and served in {generate.ElapsedMilliseconds} ms; " +
    $"managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1024 / 1024} MB");

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = server.BaseUrl };
var app = EmulatorOptions.DefaultApp;
var tokenResponse = await http.PostAsJsonAsync("/open-apis/auth/v3/tenant_access_token/internal", new { app_id = app.AppId, app_secret = app.AppSecret });
var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tenant_access_token").GetString();
http.DefaultRequestHeaders.Authorization = new("Bearer", token);
var departmentIds = server.Org.Document.Departments.Select(d => d.OpenDepartmentId).ToArray();

long requests = 0, items = 0, bytes = 0;
var stop = DateTime.UtcNow.AddSeconds(seconds);
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
{
    var random = new Random(worker);
    while (DateTime.UtcNow < stop)
    {
        // Page through one department, as a full sync does.
        var dept = departmentIds[random.Next(departmentIds.Length)];
        string? pageToken = null;
        do
        {
            var url = $"/open-apis/contact/v3/users/find_by_department?department_id={dept}&page_size={pageSize}"
                + (pageToken is null ? "" : "&page_token=" + Uri.EscapeDataString(pageToken));
            var body = await http.GetByteArrayAsync(url);
            using var doc = JsonDocument.Parse(body);
            var data = doc.RootElement.GetProperty("data");
            Interlocked.Increment(ref requests);
            Interlocked.Add(ref items, data.GetProperty("items").GetArrayLength());
            Interlocked.Add(ref bytes, body.Length);
            pageToken = data.GetProperty("has_more").GetBoolean() ? data.GetProperty("page_token").GetString() : null;
        }
        while (pageToken is not null);
    }
}));
clock.Stop();
var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
Console.WriteLine($"{requests} find_by_department pages in {clock.Elapsed.TotalSeconds:F1} s with {concurrency} clients: " +
    $"{requests / clock.Elapsed.TotalSeconds:F0} requests/s, {items / clock.Elapsed.TotalSeconds:F0} users/s, " +
    $"{bytes / clock.Elapsed.TotalSeconds / 1024 / 1024:F1} MB/s (client and server share the machine)");
Console.WriteLine($"process CPU {cpu:F1} s (client + server): {requests / cpu:F0} requests per CPU-second; machine load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
