using Corps.Emulator.Options;

namespace Corps.Conformance.Tests.Emulator;

/// <summary>The self-built apps the conformance emulators install.</summary>
internal static class ConformanceApps
{
    /// <summary>Whole organisation, the emulator's default grant (every contact read permission).</summary>
    public static AppOptions Full { get; } = new() { AppId = "cli_c0f0a00000000001", AppSecret = "conformance-full-app-secret-0001" };

    /// <summary>
    /// Whole organisation, the umbrella read permission but not <c>contact:user.email:readonly</c>: the reference says
    /// the umbrella grants every user field except <c>email</c> and <c>mobile</c>, which need their own permission.
    /// </summary>
    public static AppOptions NoEmail { get; } = new()
    {
        AppId = "cli_c0f0a00000000002",
        AppSecret = "conformance-no-email-secret-0002",
        Permissions = ["contact:contact:readonly_as_app", "contact:user.employee_id:readonly", "contact:user.phone:readonly"],
    };

    /// <summary>An app whose contact scope is one top-level department and one lone user (chosen per org).</summary>
    public static AppOptions Scoped(ContactScopeOptions scope) => new()
    {
        AppId = "cli_c0f0a00000000003",
        AppSecret = "conformance-scoped-secret-0003",
        Scope = scope,
    };
}
