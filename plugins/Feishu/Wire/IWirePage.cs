namespace Corps.Feishu.Wire;

/// <summary>One page of a paged list: whether more follow, and the token that fetches them.</summary>
public interface IWirePage
{
    /// <summary>True when another page follows.</summary>
    bool HasMore { get; }

    /// <summary>The token for the next page (present only when <see cref="HasMore"/>).</summary>
    string? PageToken { get; }
}
