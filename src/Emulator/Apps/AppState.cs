using Corps.Emulator.Options;

namespace Corps.Emulator.Apps;

/// <summary>An app's permissions and scope, swapped atomically so a request sees one consistent state.</summary>
internal sealed class AppState(HashSet<string> permissions, ContactScopeOptions scope)
{
    public HashSet<string> Permissions { get; } = permissions;

    public ContactScopeOptions Scope { get; } = scope;

    public FieldGate Gate { get; } = FieldGate.From(permissions);

    /// <summary>The compiled scope, cached against the org version it was built for.</summary>
    public CompiledScope? Compiled { get; set; }
}
