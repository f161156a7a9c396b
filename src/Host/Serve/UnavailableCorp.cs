namespace Corps.Host.Serve;

/// <summary>An element that is not served (invalid, type not loaded, constructor failed), and why.</summary>
/// <param name="Name">The element name.</param>
/// <param name="FullName"><c>corps.&lt;Name&gt;</c>.</param>
/// <param name="Status">The catalog's status for it.</param>
/// <param name="Reason">What stops it and what to do (never a secret).</param>
public sealed record UnavailableCorp(string Name, string FullName, string Status, string Reason);
