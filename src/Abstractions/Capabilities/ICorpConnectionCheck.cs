namespace Corps.Abstractions;

/// <summary>A corp type that can check its credentials, scope and permissions (<c>corps check</c>; optional).</summary>
public interface ICorpConnectionCheck
{
    /// <summary>Checks the connection; never throws for an upstream failure, which becomes a failed item.</summary>
    Task<IReadOnlyList<ConnectionCheckItem>> CheckAsync(CancellationToken cancellationToken);
}
