using Corps.Abstractions;

namespace Corps.Host.Serve;

/// <summary>The corps a running service keeps in step: every element whose corp type loaded.</summary>
public interface IServedCorps
{
    /// <summary>Every corp, in element order.</summary>
    IReadOnlyList<ICorp> All { get; }

    /// <summary>Finds a corp by element name (<c>MyFeishuCorp</c>) or full name (<c>corps.MyFeishuCorp</c>); null if none.</summary>
    ICorp? Find(string name);
}
