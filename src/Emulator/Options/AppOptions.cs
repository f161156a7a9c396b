namespace Corps.Emulator.Options;

/// <summary>A self-built app installed in the emulated tenant.</summary>
public sealed record AppOptions
{
    /// <summary>The app id, <c>cli_</c> followed by 16 hex digits.</summary>
    public required string AppId { get; init; }

    /// <summary>The app secret the token endpoints check.</summary>
    public required string AppSecret { get; init; }

    /// <summary>Granted permission names; null grants <see cref="Apps.Permissions.DefaultGrant"/>.</summary>
    public IReadOnlyCollection<string>? Permissions { get; init; }

    /// <summary>The app's contact scope; null means the whole organisation.</summary>
    public ContactScopeOptions? Scope { get; init; }
}
