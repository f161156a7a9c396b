namespace Corps.Host.Events;

/// <summary>How many events of one corp are in each state.</summary>
/// <param name="Pending">Waiting to be applied (the inbox depth).</param>
/// <param name="Parked">Given up on after repeated failures; waiting for an operator.</param>
/// <param name="Applied">Applied so far.</param>
public sealed record InboxCounts(int Pending, int Parked, int Applied);
