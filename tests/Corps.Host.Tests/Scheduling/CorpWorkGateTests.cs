using Corps.Host.Scheduling;

namespace Corps.Host.Tests.Scheduling;

public sealed class CorpWorkGateTests
{
    [Fact]
    public async Task EnterAsync_SameCorpHeld_WaitsForRelease()
    {
        var gate = new CorpWorkGate();
        var first = await gate.EnterAsync("corps.A", CancellationToken.None);

        var second = gate.EnterAsync("corps.A", CancellationToken.None);

        Assert.False(second.IsCompleted);
        Assert.True(gate.IsBusy("corps.A"));
        first.Dispose();
        using var held = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(gate.IsBusy("corps.A"));
    }

    [Fact]
    public async Task EnterAsync_OtherCorpHeld_DoesNotWait()
    {
        var gate = new CorpWorkGate();
        using var a = await gate.EnterAsync("corps.A", CancellationToken.None);

        var b = gate.EnterAsync("corps.B", CancellationToken.None);

        Assert.True(b.IsCompletedSuccessfully);
        (await b).Dispose();
    }

    [Fact]
    public async Task Dispose_Twice_ReleasesOnce()
    {
        var gate = new CorpWorkGate();
        var held = await gate.EnterAsync("corps.A", CancellationToken.None);
        held.Dispose();
        held.Dispose();

        using var again = await gate.EnterAsync("corps.A", CancellationToken.None);
        var third = gate.EnterAsync("corps.A", CancellationToken.None);

        Assert.False(third.IsCompleted);
    }
}
