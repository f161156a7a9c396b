namespace Corps.Feishu.Client;

/// <summary>Counts one async flow's API calls while it is not disposed (see <see cref="FeishuClient.CountCalls"/>).</summary>
public sealed class CallCountScope : IDisposable
{
    private readonly FeishuTransport _transport;
    private readonly ApiCallCounter? _previous;
    private readonly ApiCallCounter _counter;

    internal CallCountScope(FeishuTransport transport, ApiCallCounter counter)
    {
        _transport = transport;
        _counter = counter;
        _previous = transport.CurrentCounter;
        transport.CurrentCounter = counter;
    }

    /// <summary>Calls counted so far.</summary>
    public int Calls => _counter.Calls;

    /// <inheritdoc/>
    public void Dispose() => _transport.CurrentCounter = _previous;
}
