using System.Collections;

namespace Corps.Host.Serve;

/// <summary>
/// A logging scope naming the corp and the run: structured (key/value pairs for JSON and structured sinks) and
/// readable on the console (<c>Corp=corps.Acme RunId=schedule-1a2b3c4d</c>).
/// </summary>
public sealed class LogScope : IReadOnlyList<KeyValuePair<string, object>>
{
    private readonly KeyValuePair<string, object>[] _values;

    private LogScope(KeyValuePair<string, object>[] values) => _values = values;

    /// <summary>A scope for work on <paramref name="corp"/>, with a run id when there is one.</summary>
    public static LogScope For(string corp, string? runId = null) => runId is null
        ? new([new("Corp", corp)])
        : new([new("Corp", corp), new("RunId", runId)]);

    /// <inheritdoc/>
    public int Count => _values.Length;

    /// <inheritdoc/>
    public KeyValuePair<string, object> this[int index] => _values[index];

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object>>)_values).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => string.Join(' ', _values.Select(v => $"{v.Key}={v.Value}"));
}
