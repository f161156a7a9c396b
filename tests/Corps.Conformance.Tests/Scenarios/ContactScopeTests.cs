using Corps.Conformance.Tests.Emulator;
using Corps.Conformance.Tests.Node;

namespace Corps.Conformance.Tests.Scenarios;

/// <summary>An app with a chosen contact scope sees its scope only, and reads outside it fail as the reference says.</summary>
public sealed class ContactScopeTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private Task<System.Text.Json.JsonElement> RunAsync() => emulator.RunAsync("contact-scope", emulator.ScopedApp, new
    {
        outsideDepartmentId = emulator.Scope.OutsideDepartmentId,
        outsideUserId = emulator.Scope.OutsideUserId,
        loneUserId = emulator.Scope.LoneUserId,
    });

    [Fact]
    public async Task ScopedApp_WalkingItsScope_SeesExactlyTheScopedSubtreeAndItsMembers()
    {
        var result = await RunAsync();

        var inside = emulator.Scope.InsideDepartmentId;
        var departments = new[] { inside }.Concat(emulator.Org.Descendants(inside).Select(d => d.OpenDepartmentId)).ToArray();
        Assert.Equal(departments.Order(StringComparer.Ordinal), result.Strings("visibleDepartments").Order(StringComparer.Ordinal));
        var users = departments.SelectMany(d => emulator.Org.DirectMembers(d)).Select(u => u.OpenId).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(users, result.Strings("visibleUsers").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("rootChildren")]
    [InlineData("outsideChildren")]
    [InlineData("outsideDepartment")]
    [InlineData("outsideFindByDepartment")]
    public async Task ScopedApp_DepartmentOutsideScope_SdkSurfaces40004WithHttp403(string call)
    {
        var result = await RunAsync();

        var outcome = result.GetProperty(call);
        Assert.False(outcome.Bool("ok"), outcome.ToString());
        Assert.Equal(40004, outcome.Int("code"));
        Assert.Equal(403, outcome.Int("status"));
    }

    [Fact]
    public async Task ScopedApp_LoneUserInScope_IsReadableOutsideTheScopedDepartments()
    {
        var result = await RunAsync();

        Assert.Equal(0, result.GetProperty("loneUser").Int("code"));
    }

    [Fact]
    public async Task ScopedApp_UserOutsideScope_SdkSurfaces41050WithHttp400()
    {
        var result = await RunAsync();

        var outcome = result.GetProperty("outsideUser");
        Assert.Equal(41050, outcome.Int("code"));
        // Reference §1: 41050 comes with HTTP 400, so axios throws and the SDK rethrows.
        Assert.Equal(400, outcome.Int("status"));
    }
}
