namespace Corps.Feishu.Client;

/// <summary>Counts the HTTP requests made while it is current (it flows with the async calls that start under it).</summary>
public sealed class ApiCallCounter
{
    private int _calls;

    /// <summary>Requests sent so far: every attempt, token requests included.</summary>
    public int Calls => Volatile.Read(ref _calls);

    internal void Increment() => Interlocked.Increment(ref _calls);
}
