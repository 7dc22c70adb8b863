using SalesOS.Outreach.Deliverability;

namespace SalesOS.Tests.Outreach.Deliverability;

/// <summary>When a mailbox must stop sending: bounce and complaint rates over 30 days, and the minimum sample.</summary>
public sealed class MailboxHealthTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);

    private static MailboxHealthState Over(int days, int sent, int hard, int soft = 0, int complaints = 0)
    {
        // Spread over the days so the sums, not one bucket, are judged.
        var state = MailboxHealthState.Empty;
        for (var d = 0; d < days; d++)
        {
            var share = new DeliverabilityCounts(Part(sent, d, days), Part(hard, d, days), Part(soft, d, days), Part(complaints, d, days));
            state = MailboxHealth.Record(state, Today.AddDays(-d), share);
        }

        return state;
    }

    private static int Part(int total, int index, int parts) => (total / parts) + (index < total % parts ? 1 : 0);

    [Fact]
    public void Evaluate_HardBouncesAboveThreshold_PausesWithTheReason()
    {
        var reading = MailboxHealth.Evaluate(Over(10, 290, 12), HealthThresholds.Default, Today);

        Assert.True(reading.MustPause);
        Assert.Equal("hard bounces 4.1 % over the last 30 days (12 of 290 sent) is above 3 %", reading.PauseReason);
        Assert.Equal(290, reading.Sent);
        Assert.Equal(12 / 290.0, reading.HardBounceRate, 10);
    }

    [Theory]
    [InlineData(290, 8, false)] // 2.8 %
    [InlineData(100, 3, false)] // exactly 3 % is not above
    [InlineData(100, 4, true)]
    [InlineData(1_000, 31, true)]
    public void Evaluate_JudgesTheHardBounceRate(int sent, int hard, bool pause)
    {
        var reading = MailboxHealth.Evaluate(Over(5, sent, hard), HealthThresholds.Default, Today);

        Assert.True(reading.RatesJudged);
        Assert.Equal(pause, reading.MustPause);
    }

    [Fact]
    public void Evaluate_SoftBounces_AreReportedButDoNotPause()
    {
        var reading = MailboxHealth.Evaluate(Over(5, 200, 0, soft: 40), HealthThresholds.Default, Today);

        Assert.False(reading.MustPause);
        Assert.Equal(0.2, reading.SoftBounceRate, 10);
        Assert.Contains("soft bounces 20.0 % (40)", reading.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BelowTheMinimumSample_OneBounceIsNoise()
    {
        var reading = MailboxHealth.Evaluate(Over(2, 10, 1), HealthThresholds.Default, Today);

        Assert.False(reading.RatesJudged);
        Assert.False(reading.MustPause);
        Assert.Contains("rates are judged from 50 sent", reading.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BelowTheMinimumSample_BouncesThatAlreadyDecideTheRate_Pause()
    {
        // 2 bounces are 4 % of 50 even if the next 40 messages all arrive.
        var reading = MailboxHealth.Evaluate(Over(2, 10, 2), HealthThresholds.Default, Today);

        Assert.False(reading.RatesJudged);
        Assert.True(reading.MustPause);
        Assert.StartsWith("hard bounces 2 of only 10 sent", reading.PauseReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, 2, true)] // 0.5 %
    [InlineData(400, 1, false)] // 0.25 %
    [InlineData(1_000, 2, false)] // 0.2 %
    [InlineData(20, 2, false)] // too few sent to judge the rate, too few complaints to pause on the count
    [InlineData(20, 3, true)] // three complaints pause at any volume
    [InlineData(10_000, 3, true)]
    public void Evaluate_Complaints(int sent, int complaints, bool pause)
    {
        var reading = MailboxHealth.Evaluate(Over(5, sent, 0, complaints: complaints), HealthThresholds.Default, Today);

        Assert.Equal(pause, reading.MustPause);
        if (pause)
        {
            Assert.Contains("complaints", reading.PauseReason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_ComplaintRateAboveThreshold_SaysByHowMuch()
    {
        var reading = MailboxHealth.Evaluate(Over(5, 400, 0, complaints: 2), HealthThresholds.Default, Today);

        Assert.Equal("complaints 0.50 % over the last 30 days (2 of 400 sent) is above 0.3 %", reading.PauseReason);
    }

    [Fact]
    public void Evaluate_BothProblems_AreBothNamed()
    {
        var reading = MailboxHealth.Evaluate(Over(5, 400, 20, complaints: 4), HealthThresholds.Default, Today);

        Assert.True(reading.MustPause);
        Assert.Contains("hard bounces 5.0 %", reading.PauseReason, StringComparison.Ordinal);
        Assert.Contains("4 spam complaints", reading.PauseReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CountsOnlyTheLast30Days()
    {
        var state = MailboxHealthState.Empty;
        state = MailboxHealth.Record(state, Today.AddDays(-30), new DeliverabilityCounts(100, 50, 0, 5));
        state = MailboxHealth.Record(state, Today.AddDays(-29), new DeliverabilityCounts(100, 1, 0, 0));

        var reading = MailboxHealth.Evaluate(state, HealthThresholds.Default, Today);

        Assert.Equal(100, reading.Sent);
        Assert.Equal(1, reading.HardBounces);
        Assert.Equal(0, reading.Complaints);
        Assert.False(reading.MustPause);
    }

    [Fact]
    public void Record_AddsToTheDay_AndDropsDaysOutsideTheWindow()
    {
        var state = MailboxHealthState.Empty;
        state = MailboxHealth.Record(state, Today.AddDays(-40), DeliverabilityEvent.Sent, 10);
        state = MailboxHealth.Record(state, Today, DeliverabilityEvent.Sent, 3);
        state = MailboxHealth.Record(state, Today, DeliverabilityEvent.HardBounce);
        state = MailboxHealth.Record(state, Today, DeliverabilityEvent.Complaint);
        state = MailboxHealth.Record(state, Today, DeliverabilityEvent.SoftBounce, 2);

        // A late count for a day already outside the window changes nothing.
        state = MailboxHealth.Record(state, Today.AddDays(-35), DeliverabilityEvent.HardBounce);

        Assert.Equal([Today], state.Days.Keys);
        Assert.Equal(new DeliverabilityCounts(3, 1, 2, 1), state.Days[Today]);
    }

    [Fact]
    public void Thresholds_CanBeTightened()
    {
        var strict = new HealthThresholds(MaxHardBounceRate: 0.01, MaxComplaintRate: 0.001, MinimumSent: 100, ComplaintsAlwaysPause: 1);

        Assert.True(MailboxHealth.Evaluate(Over(5, 300, 4), strict, Today).MustPause);
        Assert.True(MailboxHealth.Evaluate(Over(5, 30, 0, complaints: 1), strict, Today).MustPause);
        Assert.False(MailboxHealth.Evaluate(Over(5, 300, 3), strict, Today).MustPause);
    }

    [Fact]
    public void Record_RefusesNegativeCounts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MailboxHealth.Record(MailboxHealthState.Empty, Today, new DeliverabilityCounts(-1, 0, 0, 0)));
    }
}
