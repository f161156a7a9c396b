using Corps.Feishu.Client;
using Corps.Feishu.Tests.Fakes;

namespace Corps.Feishu.Tests.Client;

public sealed class SlidingWindowLimiterTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reserve_OverPerSecondLimit_NextSlotAfterTheWindow()
    {
        var time = new FixedTimeProvider(Start);
        var limiter = new SlidingWindowLimiter(new RateLimit(3, 0), time);

        var delays = Enumerable.Range(0, 4).Select(_ => limiter.Reserve()).ToList();

        Assert.All(delays.Take(3), d => Assert.Equal(TimeSpan.Zero, d));
        Assert.InRange(delays[3], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.1));
    }

    [Fact]
    public void Reserve_PerMinuteLimit_HoldsForTheMinute()
    {
        var time = new FixedTimeProvider(Start);
        var limiter = new SlidingWindowLimiter(new RateLimit(50, 5), time);
        for (var i = 0; i < 5; i++)
            limiter.Reserve();

        time.Now = Start.AddSeconds(30);

        Assert.InRange(limiter.Reserve(), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30.1));
    }

    [Fact]
    public void Reserve_AfterWindowPassed_Immediate()
    {
        var time = new FixedTimeProvider(Start);
        var limiter = new SlidingWindowLimiter(new RateLimit(2, 0), time);
        limiter.Reserve();
        limiter.Reserve();

        time.Now = Start.AddSeconds(2);

        Assert.Equal(TimeSpan.Zero, limiter.Reserve());
    }

    [Fact]
    public void PauseUntil_RateLimitOff_StillHoldsCallers()
    {
        var time = new FixedTimeProvider(Start);
        var limiter = new SlidingWindowLimiter(RateLimit.Off, time);

        limiter.PauseUntil(Start.AddSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), limiter.Reserve());
    }

    [Theory]
    [InlineData("off", 0, 0)]
    [InlineData("documented", 50, 1000)]
    [InlineData("20/s,600/min", 20, 600)]
    [InlineData("100/min", 0, 100)]
    public void TryParse_Valid_Parsed(string text, int perSecond, int perMinute)
    {
        Assert.True(RateLimit.TryParse(text, out var limit));
        Assert.Equal(new RateLimit(perSecond, perMinute), limit);
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("10/hour")]
    [InlineData("-1/s")]
    public void TryParse_Invalid_False(string text) => Assert.False(RateLimit.TryParse(text, out _));
}
