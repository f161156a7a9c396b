using Corps.Conformance.Tests.Emulator;
using Corps.Conformance.Tests.Node;
using Corps.Emulator.Options;
using Corps.Emulator.Org;

namespace Corps.Conformance.Tests.Scenarios;

/// <summary>User fields are omitted when the app lacks the permission that gates them.</summary>
public sealed class FieldGatingTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private Task<System.Text.Json.JsonElement> RunAsync(AppOptions app)
    {
        var department = emulator.Org.Descendants(EmulatedOrg.RootId).First(d => emulator.Org.DirectMembers(d.OpenDepartmentId).Count > 0);
        var users = emulator.Org.DirectMembers(department.OpenDepartmentId).Take(10).Select(u => u.OpenId).ToArray();
        return emulator.RunAsync("field-gating", app, new { departmentId = department.OpenDepartmentId, userIds = users });
    }

    [Theory]
    [InlineData("batch")]
    [InlineData("get")]
    [InlineData("findByDepartment")]
    public async Task UserReads_AppWithoutEmailPermission_CarryNoEmail(string call)
    {
        var result = await RunAsync(ConformanceApps.NoEmail);

        var outcome = result.GetProperty(call);
        Assert.Equal(0, outcome.Int("code"));
        Assert.True(outcome.Int("count") > 0, outcome.ToString());
        Assert.Equal(0, outcome.Int("withEmail"));
        // The umbrella permission still lets the rest through.
        Assert.Contains("name", outcome.Strings("fields"));
        Assert.Contains("mobile", outcome.Strings("fields"));
    }

    [Theory]
    [InlineData("batch")]
    [InlineData("get")]
    [InlineData("findByDepartment")]
    public async Task UserReads_AppWithEmailPermission_CarryEmail(string call)
    {
        var result = await RunAsync(ConformanceApps.Full);

        var outcome = result.GetProperty(call);
        Assert.Equal(0, outcome.Int("code"));
        Assert.Equal(outcome.Int("count"), outcome.Int("withEmail"));
    }
}
