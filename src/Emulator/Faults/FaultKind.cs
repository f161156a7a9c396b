namespace Corps.Emulator.Faults;

/// <summary>The kinds of injected fault.</summary>
internal enum FaultKind
{
    ServerError = 1,
    Slow = 2,
    Drop = 3,
    Malformed = 4,
    Storm = 5,
    PageToken = 6,
}
