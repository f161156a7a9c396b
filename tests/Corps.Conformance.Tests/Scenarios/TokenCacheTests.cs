using Corps.Conformance.Tests.Emulator;
using Corps.Conformance.Tests.Node;

namespace Corps.Conformance.Tests.Scenarios;

/// <summary>The SDK's in-memory token cache against the emulator's token store.</summary>
public sealed class TokenCacheTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    // The emulator's statistics key for the self-built tenant token endpoint.
    private const string TenantTokenEndpoint = "POST /open-apis/auth/v3/tenant_access_token/internal";

    [Fact]
    public async Task SdkClient_FiveCallsThenRevocation_FetchesOneTokenAndSurfacesTheInvalidTokenCode()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        var tokensBefore = emulator.Server.Statistics.Calls(TenantTokenEndpoint);

        await using var scenario = await NodeScenario.StartAsync("token-cache", emulator.Input(ConformanceApps.NoEmail, new { calls = 5 }), null, timeout.Token);
        Assert.Equal("called", (await scenario.ReadAsync(timeout.Token)).String("stage"));
        var tokensFetched = emulator.Server.Statistics.Calls(TenantTokenEndpoint) - tokensBefore;
        emulator.Server.RevokeTokens(ConformanceApps.NoEmail.AppId);
        await scenario.SendAsync(new { stage = "revoked" }, timeout.Token);
        var result = await scenario.ReadResultAsync(timeout.Token);

        Assert.All(result.GetProperty("calls").EnumerateArray(), c => Assert.Equal(0, c.Int("code")));
        Assert.Equal(1, tokensFetched);
        // The Node SDK keeps a revoked token until its own expiry and never retries: the caller sees 99991663.
        Assert.Equal(99991663, result.GetProperty("afterRevoke").Int("code"));
    }
}
