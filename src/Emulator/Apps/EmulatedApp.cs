using Corps.Emulator.Options;

namespace Corps.Emulator.Apps;

/// <summary>A self-built app installed in the emulated tenant; permissions and scope can change at run time.</summary>
public sealed class EmulatedApp
{
    private volatile AppState _state;

    internal EmulatedApp(AppOptions options)
    {
        AppId = options.AppId;
        AppSecret = options.AppSecret;
        _state = new AppState(
            new HashSet<string>(options.Permissions ?? Permissions.DefaultGrant, StringComparer.Ordinal),
            options.Scope ?? ContactScopeOptions.All);
    }

    /// <summary>The app id.</summary>
    public string AppId { get; }

    internal string AppSecret { get; }

    /// <summary>Granted permission names.</summary>
    public IReadOnlySet<string> GrantedPermissions => _state.Permissions;

    /// <summary>The contact scope.</summary>
    public ContactScopeOptions Scope => _state.Scope;

    internal FieldGate Gate => _state.Gate;

    internal AppState State => _state;

    /// <summary>Replaces the granted permissions.</summary>
    public void SetPermissions(IEnumerable<string> permissions) =>
        _state = new AppState(new HashSet<string>(permissions, StringComparer.Ordinal), _state.Scope);

    /// <summary>Replaces the contact scope.</summary>
    public void SetScope(ContactScopeOptions scope) => _state = new AppState(_state.Permissions, scope);

    /// <summary>True when any of <paramref name="permissions"/> is granted.</summary>
    public bool HasAny(IReadOnlyList<string> permissions)
    {
        var granted = _state.Permissions;
        foreach (var p in permissions) if (granted.Contains(p)) return true;
        return false;
    }
}
