using SalesOS.Outreach.Deliverability;

namespace SalesOS.Tests.Outreach.Deliverability;

/// <summary>A new mailbox's daily cap, ramping up to its full volume.</summary>
public sealed class WarmUpPlanTests
{
    private static readonly DateOnly Start = new(2025, 6, 2);

    [Theory]
    [InlineData(-1, 0)] // before the plan: nothing
    [InlineData(0, 5)]
    [InlineData(1, 8)]
    [InlineData(2, 11)]
    [InlineData(14, 47)]
    [InlineData(15, 50)]
    [InlineData(16, 50)]
    [InlineData(400, 50)]
    public void CapOn_RampsByTheIncrease_UpToTheCap(int day, int cap)
    {
        Assert.Equal(cap, WarmUpPlan.Gradual(Start).CapOn(Start.AddDays(day)));
    }

    [Fact]
    public void WithoutWarmUp_TheCapHoldsEveryDay()
    {
        var plan = WarmUpPlan.None(40);

        Assert.Equal(40, plan.CapOn(new DateOnly(2020, 1, 1)));
        Assert.Equal(40, plan.CapOn(new DateOnly(2030, 12, 31)));
        Assert.Equal(40, new WarmUpPlan(10, 0, 40, Start).CapOn(Start));
        Assert.Equal(Start, new WarmUpPlan(10, 0, 40, Start).FullFrom);
    }

    [Fact]
    public void FullFrom_IsTheFirstDayAtTheCap()
    {
        var plan = new WarmUpPlan(10, 7, 50, Start);

        Assert.Equal(Start.AddDays(6), plan.FullFrom);
        Assert.Equal(50, plan.CapOn(plan.FullFrom));
        Assert.True(plan.CapOn(plan.FullFrom.AddDays(-1)) < 50);
    }

    [Fact]
    public void CapOn_DoesNotOverflow_YearsIntoAHugeIncrease()
    {
        Assert.Equal(1_000, new WarmUpPlan(1, int.MaxValue, 1_000, Start).CapOn(Start.AddDays(3_000)));
    }

    [Fact]
    public void NegativeCounts_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarmUpPlan(-1, 1, 10, Start));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarmUpPlan(1, -1, 10, Start));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarmUpPlan(1, 1, -10, Start));
    }
}
