namespace Corps.Host.Elements;

/// <summary>One error or warning about an element: what is wrong, where, and what to do.</summary>
/// <param name="File">The file (or folder) concerned, shown relative to the elements directory's parent, e.g. <c>elements/corps/Acme/Acme.json</c>.</param>
/// <param name="Key">The JSON key concerned, if any.</param>
/// <param name="Message">What is wrong; never contains a secret value.</param>
/// <param name="Fix">What to do about it, if known.</param>
public sealed record ElementProblem(string File, string? Key, string Message, string? Fix = null)
{
    /// <summary>One line for people: <c>file: key 'k' message fix</c>.</summary>
    public override string ToString()
    {
        var where = Key is null ? File : $"{File}: key '{Key}'";
        var text = Key is null ? $"{where}: {Message}" : $"{where} {Message}";
        return Fix is null ? text : $"{text} {Fix}";
    }
}
