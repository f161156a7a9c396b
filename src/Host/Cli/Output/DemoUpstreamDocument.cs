namespace Corps.Host.Cli.Output;

/// <summary>The emulated upstream of <c>corps demo</c>.</summary>
/// <param name="BaseUrl">Where the emulator listened.</param>
/// <param name="Tenant">The generated tenant's name.</param>
/// <param name="Users">People generated (resigned ones included).</param>
/// <param name="Departments">Departments generated below the root.</param>
/// <param name="Groups">User groups generated.</param>
/// <param name="Seed">The generator's seed.</param>
/// <param name="RateLimits">True when Feishu's documented rate limits applied.</param>
public sealed record DemoUpstreamDocument(string BaseUrl, string Tenant, int Users, int Departments, int Groups, int Seed, bool RateLimits);
