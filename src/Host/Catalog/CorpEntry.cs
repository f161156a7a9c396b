using Corps.Abstractions;
using Corps.Host.Elements;

namespace Corps.Host.Catalog;

/// <summary>One element as the catalog sees it: its corp when ready, else what stopped it and what to do.</summary>
public sealed record CorpEntry
{
    /// <summary>The element (folder) name.</summary>
    public required string Name { get; init; }

    /// <summary><c>corps.&lt;Name&gt;</c>.</summary>
    public string FullName => "corps." + Name;

    /// <summary>The element's title, if it could be read.</summary>
    public string? Title { get; init; }

    /// <summary>The corp type the element names, if it could be read.</summary>
    public string? Type { get; init; }

    /// <summary>Whether the corp is usable.</summary>
    public required CorpEntryStatus Status { get; init; }

    /// <summary>What happened and what to do; for a ready corp, which plugin serves it.</summary>
    public required string Message { get; init; }

    /// <summary>The plugin serving the type, if any.</summary>
    public string? Plugin { get; init; }

    /// <summary>The element's errors and warnings.</summary>
    public IReadOnlyList<ElementProblem> Problems { get; init; } = [];

    /// <summary>The validated element, when it is valid.</summary>
    public CorpElement? Element { get; init; }

    /// <summary>The corp, when <see cref="Status"/> is <see cref="CorpEntryStatus.Ready"/>.</summary>
    public ICorp? Corp { get; init; }
}
