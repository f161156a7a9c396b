using Corps.Emulator.Options;

namespace Corps.Emulator.Tests.Support;

/// <summary>Builds emulators for tests: a small generated org on a free port.</summary>
internal static class Emulators
{
    public static readonly OrgGenerationOptions SmallOrg = new() { Users = 300, Departments = 25, Depth = 4, Seed = 11 };

    public static AppOptions App(string appId, string secret = "s3cret", IReadOnlyCollection<string>? permissions = null, ContactScopeOptions? scope = null) =>
        new() { AppId = appId, AppSecret = secret, Permissions = permissions, Scope = scope };

    public static Task<EmulatorServer> StartAsync(EmulatorOptions? options = null) =>
        EmulatorServer.StartAsync(options ?? new EmulatorOptions { Generate = SmallOrg });
}
