using Corps.Conformance.Tests.Emulator;
using Corps.Conformance.Tests.Node;

namespace Corps.Conformance.Tests.Scenarios;

/// <summary>The tenant access token as the SDK fetches, caches and passes it.</summary>
public sealed class TenantTokenTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task TenantAccessTokenInternal_RightSecret_ReturnsATopLevelTokenThatLastsTwoHours()
    {
        var result = await emulator.RunAsync("tenant-token", ConformanceApps.Full, new { cachedCalls = 3 });

        var first = result.GetProperty("first");
        Assert.True(first.Bool("ok"), first.ToString());
        Assert.Equal(0, first.Int("code"));
        Assert.Equal("t-", first.String("tokenPrefix"));
        Assert.Equal(7200, first.Int("expire"));
        // auth/v3 puts the token at the top level, not under data.
        Assert.Contains("tenant_access_token", first.Strings("keys"));
        Assert.DoesNotContain("data", first.Strings("keys"));
        // With more than 30 minutes left the same token comes back.
        Assert.True(result.Bool("secondReturnedSameToken"));
    }

    [Fact]
    public async Task SdkClient_SeveralCalls_AllSucceedWithTheCachedToken()
    {
        var result = await emulator.RunAsync("tenant-token", ConformanceApps.Full, new { cachedCalls = 3 });

        var calls = result.GetProperty("cachedCalls").EnumerateArray().ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal(0, c.Int("code")));
        Assert.Equal(0, result.GetProperty("withTenantToken").Int("code"));
    }

    [Fact]
    public async Task WithTenantToken_UnknownToken_IsRejectedWithTheInvalidTokenCode()
    {
        var result = await emulator.RunAsync("tenant-token", ConformanceApps.Full, new { cachedCalls = 3 });

        var bad = result.GetProperty("withBadToken");
        Assert.Equal(99991663, bad.Int("code"));
        var none = result.GetProperty("withoutToken");
        Assert.Equal(99991661, none.Int("code"));
    }

    [Fact]
    public async Task SdkClient_WrongSecret_FailsWithoutAToken()
    {
        var result = await emulator.RunAsync("tenant-token", ConformanceApps.Full, new { cachedCalls = 3 });

        var wrong = result.GetProperty("wrongSecret");
        Assert.False(wrong.Bool("ok"), wrong.ToString());
        // Reference §1: 10014 app unauthorized / 10015 wrong secret.
        Assert.Contains(wrong.Int("tokenCode"), new int?[] { 10014, 10015 });
    }

    [Fact]
    public async Task TenantQuery_TenantToken_ReturnsTheEmulatedTenant()
    {
        var result = await emulator.RunAsync("tenant-token", ConformanceApps.Full, new { cachedCalls = 3 });

        var tenant = result.GetProperty("tenant");
        Assert.Equal(0, tenant.Int("code"));
        Assert.Equal(emulator.Org.Tenant.Name, tenant.GetProperty("tenant").String("name"));
        Assert.Equal(emulator.Org.Tenant.TenantKey, tenant.GetProperty("tenant").String("tenant_key"));
    }
}
