// Fetches a generated organisation from the in-process emulator with the real Feishu plugin and reports the API calls
// (against the emulator's own count) and the wall time.
// Usage: dotnet run -c Release --project bench/FeishuFetch -- [users] [depts] [off|realistic]
//   off:       no pacing on either side (client throughput)
//   realistic: the emulator enforces 50/s and 1000/min per API; the client paces at the documented rates
using System.Diagnostics;
using System.Globalization;
using Corps.Abstractions;
using Corps.Emulator;
using Corps.Emulator.Options;
using Corps.Feishu;
using FeishuFetch;
using Microsoft.Extensions.Logging.Abstractions;

var users = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var departments = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
var realistic = args.Length > 2 && args[2] == "realistic";
const string AppId = "cli_0123456789abcdef", AppSecret = "bench-secret";

await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
{
    Generate = new OrgGenerationOptions { Users = users, Departments = departments, Depth = 5, Seed = 42 },
    Apps = [new AppOptions { AppId = AppId, AppSecret = AppSecret }],
    RateLimit = realistic ? RateLimitOptions.Realistic : RateLimitOptions.Off,
});
var fetchOnly = new FetchOnly();
using var corp = new FeishuCorp(new CorpContext
{
    Element = new CorpElement
    {
        Name = "Bench",
        Title = "Bench",
        Type = "corps.FSInnerType",
        Directory = Path.GetTempPath(),
        Auth = new CorpAuthConfig
        {
            AppId = AppId,
            AppSecret = new Secret(AppSecret),
            BaseUrl = server.BaseUrl,
            Settings = realistic ? new Dictionary<string, string>() : new Dictionary<string, string> { ["rateLimit"] = "off" },
        },
    },
    Store = fetchOnly,
    Sync = fetchOnly,
    LoggerFactory = NullLoggerFactory.Instance,
});

var watch = Stopwatch.StartNew();
var snapshot = await corp.GetThirdCorpDataAsync(CancellationToken.None);
watch.Stop();

var throttled = server.Statistics.Endpoints.Values.Sum(c => c.Throttled);
Console.WriteLine($"users={users} depts={departments} pacing={(realistic ? "realistic" : "off")}: {snapshot.Departments.Count} departments, " +
    $"{snapshot.Members.Count} members, {snapshot.Groups.Count} groups; {snapshot.ApiCalls} API calls ({server.Statistics.TotalCalls} seen by the emulator, " +
    $"{throttled} throttled); {watch.ElapsedMilliseconds} ms");
foreach (var (endpoint, counters) in server.Statistics.Endpoints.OrderBy(e => e.Key, StringComparer.Ordinal))
    Console.WriteLine($"  {endpoint}: {counters.Calls}");
