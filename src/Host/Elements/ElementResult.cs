using Corps.Abstractions;

namespace Corps.Host.Elements;

/// <summary>What one element folder yielded: a valid <see cref="CorpElement"/>, or the errors that stop it.</summary>
public sealed record ElementResult
{
    /// <summary>The folder name (the element's name, when valid).</summary>
    public required string Name { get; init; }

    /// <summary>The folder on disk.</summary>
    public required string Directory { get; init; }

    /// <summary>The element, or null when <see cref="Errors"/> is not empty.</summary>
    public CorpElement? Element { get; init; }

    /// <summary>The <c>type</c> e.json names, when it could be read (also for invalid elements).</summary>
    public string? Type { get; init; }

    /// <summary>The <c>title</c> e.json names, when it could be read.</summary>
    public string? Title { get; init; }

    /// <summary>Problems that make the element unusable.</summary>
    public IReadOnlyList<ElementProblem> Errors { get; init; } = [];

    /// <summary>Problems that do not stop the element (unknown keys and the like).</summary>
    public IReadOnlyList<ElementProblem> Warnings { get; init; } = [];

    /// <summary>True when the element is usable.</summary>
    public bool IsValid => Element is not null && Errors.Count == 0;
}
