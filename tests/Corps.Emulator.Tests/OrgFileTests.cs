using Corps.Emulator.Options;
using Corps.Emulator.Org;
using Corps.Emulator.Tests.Support;

namespace Corps.Emulator.Tests;

public sealed class OrgFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("corps-emulator-").FullName;

    [Fact]
    public void Load_SampleFile_IndexesTheDirectory()
    {
        var org = OrgFile.Load(Path.Combine(AppContext.BaseDirectory, "samples", "small-org.json"));
        Assert.Equal(24, org.UserCount);
        Assert.Equal(6, org.DepartmentCount);
        Assert.NotEmpty(org.Tenant.TenantKey);
        Assert.NotEmpty(org.Children(EmulatedOrg.RootId));
    }

    [Fact]
    public void Save_ThenLoad_RoundTrips()
    {
        var org = new EmulatedOrg(OrgGenerator.Generate(new OrgGenerationOptions { Users = 50, Departments = 6, Seed = 2 }));
        var path = Path.Combine(_dir, "org.json");
        OrgFile.Save(org, path);
        var loaded = OrgFile.Load(path);
        Assert.Equal(org.UserCount, loaded.UserCount);
        var first = org.Document.Users[3];
        var again = loaded.FindUser(first.OpenId, UserIdType.OpenId)!;
        Assert.Equal(first.Name, again.Name);
        Assert.Equal(first.DepartmentIds, again.DepartmentIds);
        Assert.Contains("\"open_department_id\"", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenJson_NamesTheFile()
    {
        var path = Path.Combine(_dir, "broken.json");
        File.WriteAllText(path, "{ \"users\": [ ");
        var ex = Assert.Throws<InvalidDataException>(() => OrgFile.Load(path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownParent_SaysWhich()
    {
        var path = Path.Combine(_dir, "orphan.json");
        File.WriteAllText(path, """{"tenant":{"name":"t","tenant_key":"k"},"departments":[{"name":"x","open_department_id":"od-1","parent_department_id":"od-missing"}]}""");
        var ex = Assert.Throws<InvalidDataException>(() => OrgFile.Load(path));
        Assert.Contains("od-missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_OrgFile_ServesIt()
    {
        await using var server = await Emulators.StartAsync(new EmulatorOptions { OrgFile = Path.Combine(AppContext.BaseDirectory, "samples", "small-org.json") });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var r = await client.GetAsync("/open-apis/tenant/v2/tenant/query", token);
        Assert.Equal(server.Org.Tenant.TenantKey, r.Data.GetProperty("tenant").GetProperty("tenant_key").GetString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
