using Corps.Host.Events;

namespace Corps.Host.Tests.Events;

public sealed class EventProcessingOptionsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(7, 60)]
    [InlineData(40, 60)]
    public void DelayAfter_Failures_DoublesUpToTheCap(int failures, int expectedSeconds)
    {
        var options = new EventProcessingOptions { RetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(60) };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), options.DelayAfter(failures));
    }
}
