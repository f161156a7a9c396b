namespace Corps.Abstractions;

/// <summary>
/// Names the corp type a class implements, e.g. <c>[CorpType("corps.FSInnerType")]</c>.
/// </summary>
/// <remarks>
/// The host scans a plugin's assemblies for non-abstract classes that implement <see cref="ICorp"/> and carry this
/// attribute. The class must have a public constructor taking a single <see cref="CorpContext"/>; the constructor
/// must not do I/O (the host creates corps eagerly to validate them).
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CorpTypeAttribute : Attribute
{
    /// <summary>Declares the class as the implementation of <paramref name="typeName"/>.</summary>
    public CorpTypeAttribute(string typeName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName);
        TypeName = typeName;
    }

    /// <summary>The type name elements put in their <c>type</c> key, e.g. <c>corps.FSInnerType</c>.</summary>
    public string TypeName { get; }

    /// <summary>A one-line description shown by <c>corps list</c>.</summary>
    public string? Description { get; init; }
}
