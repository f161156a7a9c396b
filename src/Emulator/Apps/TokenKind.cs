namespace Corps.Emulator.Apps;

/// <summary>What a bearer token stands for.</summary>
internal enum TokenKind
{
    Tenant,
    App,
    User,
}
