namespace Corps.Feishu.Tests.Fakes;

/// <summary>A clock that says what the test tells it (timers still run on real time).</summary>
public sealed class FixedTimeProvider : TimeProvider
{
    public FixedTimeProvider(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
