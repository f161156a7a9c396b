using Corps.Conformance.Tests.Emulator;
using Corps.Conformance.Tests.Node;
using Corps.Emulator.Options;
using Corps.Emulator.Org;

namespace Corps.Conformance.Tests.Scenarios;

/// <summary>The emulator's rate limiting as the SDK meets it.</summary>
public sealed class RateLimitTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task FindByDepartment_OverTheLimit_SdkSeesHttp429WithCode99991400AndItsIteratorStopsShort()
    {
        // Three calls a minute: ten calls can span at most two clock minutes, so at least four are throttled.
        emulator.Server.RateLimit = new RateLimitOptions { Mode = RateLimitMode.Custom, PerMinute = 3 };
        var department = emulator.Org.Descendants(EmulatedOrg.RootId).First(d => emulator.Org.DirectMembers(d.OpenDepartmentId).Count >= 5);

        var result = await NodeScenario.RunAsync("rate-limit", emulator.Input(ConformanceApps.Full, new { departmentId = department.OpenDepartmentId, calls = 10 }), CancellationToken.None);

        var calls = result.GetProperty("calls").EnumerateArray().ToList();
        Assert.Equal(0, calls[0].Int("code"));
        var throttled = calls.Where(c => c.Bool("ok") == false).ToList();
        Assert.True(throttled.Count >= 4, result.GetProperty("calls").ToString());
        Assert.All(throttled, c =>
        {
            Assert.Equal(429, c.Int("status"));
            Assert.Equal(99991400, c.Int("code"));
        });
        // The SDK's iterator logs the throttled page and ends: fewer users than the department has.
        Assert.True(result.Int("iteratedUsers") < emulator.Org.DirectMembers(department.OpenDepartmentId).Count);
        Assert.Contains("99991400", result.SdkErrors(), StringComparison.Ordinal);
    }
}
