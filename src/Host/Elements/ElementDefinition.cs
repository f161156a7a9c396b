using Corps.Abstractions;

namespace Corps.Host.Elements;

/// <summary>What <c>e.json</c> says, before the element is assembled.</summary>
internal sealed record ElementDefinition(string? Title, string? Type, string? Schedule, bool SyncOnStart, DeletionGuardOptions Guard);
