namespace Corps.Abstractions;

/// <summary>One line of a connection check.</summary>
/// <param name="Name">What was checked, e.g. <c>credentials</c> or a permission name.</param>
/// <param name="Status">The result.</param>
/// <param name="Detail">What was found (never a secret).</param>
/// <param name="Fix">What to do in the upstream console when it is not <see cref="CheckStatus.Ok"/>.</param>
public sealed record ConnectionCheckItem(string Name, CheckStatus Status, string Detail, string? Fix = null);
