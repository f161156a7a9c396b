namespace Corps.Host.Elements;

/// <summary>Everything found under an elements directory.</summary>
/// <param name="Directory">The elements directory that was read.</param>
/// <param name="Elements">One result per element folder, ordered by name.</param>
/// <param name="Problems">Problems with the directory itself (missing, unreadable); the elements list is then empty.</param>
public sealed record ElementDiscovery(string Directory, IReadOnlyList<ElementResult> Elements, IReadOnlyList<ElementProblem> Problems);
