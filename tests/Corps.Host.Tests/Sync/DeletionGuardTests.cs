using Corps.Abstractions;
using Corps.Host.Sync;

namespace Corps.Host.Tests.Sync;

public sealed class DeletionGuardTests
{
    private static readonly DeletionGuardOptions Limits = new() { MaxOfflines = 50, MaxOfflinePercent = 10, MinOfflinesForPercent = 5 };

    [Theory]
    [InlineData(50, 100000, false)]   // at the count limit
    [InlineData(51, 100000, true)]    // over the count limit
    [InlineData(5, 10, false)]        // 50%, but not above the small-corp floor
    [InlineData(6, 100, false)]       // above the floor, 6% is under 10%
    [InlineData(11, 100, true)]       // above the floor and 11% over 10%
    [InlineData(10, 100, false)]      // exactly 10% is allowed
    [InlineData(0, 0, false)]
    public void Evaluate_MemberOfflines_HoldsPerLimits(int offlines, int active, bool held)
    {
        var decision = DeletionGuard.Evaluate("Acme", new SyncCounts { MembersOfflined = offlines }, active, 1000, Limits, force: false);

        Assert.Equal(held, decision.Held);
        Assert.Equal(held, decision.Reason is not null);
        Assert.False(decision.Forced);
        Assert.Equal(offlines, decision.Offlines);
        Assert.Equal(active, decision.ActiveMembers);
    }

    [Fact]
    public void Evaluate_TooManyDepartmentDeletions_Holds()
    {
        var decision = DeletionGuard.Evaluate("Acme", new SyncCounts { DepartmentsDeleted = 8 }, 1000, 20, Limits, force: false);

        Assert.True(decision.Held);
        Assert.Contains("delete 8 of 20 departments (40%)", decision.Reason);
    }

    [Fact]
    public void Evaluate_Held_ReasonSaysHowManyWhichLimitAndHowToRelease()
    {
        var decision = DeletionGuard.Evaluate("Acme", new SyncCounts { MembersOfflined = 60 }, 200, 10, Limits, force: false);

        Assert.Equal(
            "The plan would offline 60 of 200 active members (30%), more than the limit of 50 (guard.maxOfflines). " +
            "Review it with 'corps sync Acme --dry-run' and apply it with 'corps sync Acme --force'.",
            decision.Reason);
    }

    [Fact]
    public void Evaluate_PercentLimit_NamesThePercentKey()
    {
        var decision = DeletionGuard.Evaluate("Acme", new SyncCounts { MembersOfflined = 20 }, 100, 10, Limits, force: false);

        Assert.Contains("more than the limit of 10% (guard.maxOfflinePercent)", decision.Reason);
    }

    [Fact]
    public void Evaluate_Forced_IsNotHeldButRecordedAsForced()
    {
        var decision = DeletionGuard.Evaluate("Acme", new SyncCounts { MembersOfflined = 60 }, 200, 10, Limits, force: true);

        Assert.False(decision.Held);
        Assert.True(decision.Forced);
        Assert.NotNull(decision.Reason);
    }
}
