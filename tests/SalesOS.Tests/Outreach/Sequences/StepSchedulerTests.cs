using SalesOS.Contracts.Outreach;
using SalesOS.Outreach.Sequences;
using static SalesOS.Tests.Outreach.Sequences.SendWindowsTests;

namespace SalesOS.Tests.Outreach.Sequences;

/// <summary>When each step of an enrolment is due, in the prospect's business days and hours.</summary>
public sealed class StepSchedulerTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static SequenceStep Step(int delay) => new(OutreachChannel.Email, delay, [new SequenceVariant("a", null, "Hi")]);

    [Theory]
    // Inside the window: right away.
    [InlineData("2025-06-04T10:17:00+02:00", "2025-06-04T10:17:00+02:00")]
    // Saturday: Monday's opening, exactly (no jitter without a delay).
    [InlineData("2025-06-07T11:00:00+02:00", "2025-06-09T08:00:00+02:00")]
    // After hours: the next morning.
    [InlineData("2025-06-04T19:30:00+02:00", "2025-06-05T08:00:00+02:00")]
    public void DueAt_WithoutDelay_IsTheFirstOpeningAtOrAfterThePreviousStep(string previous, string expected)
    {
        Assert.Equal(Instant(expected), StepScheduler.DueAt(Instant(previous), Step(0), SendWindow.BusinessHours, Berlin, "enrolment-1:0"));
    }

    [Theory]
    // Thursday 10:00 + 3 business days = Tuesday, at 10:00 plus 1–9 minutes.
    [InlineData("2025-06-05T10:00:00+02:00", 3, "2025-06-10T10:00:00+02:00")]
    // Friday + 1 = Monday.
    [InlineData("2025-06-06T14:30:00+02:00", 1, "2025-06-09T14:30:00+02:00")]
    // Previous step after hours (19:30): the window's opening on the due day.
    [InlineData("2025-06-05T19:30:00+02:00", 1, "2025-06-06T08:00:00+02:00")]
    // Previous step before hours on a Saturday: counted from Saturday, Monday at the opening.
    [InlineData("2025-06-07T06:00:00+02:00", 1, "2025-06-09T08:00:00+02:00")]
    // Over the spring-forward weekend the wall-clock time is kept (10:00 CET → 10:00 CEST).
    [InlineData("2025-03-28T10:00:00+01:00", 1, "2025-03-31T10:00:00+02:00")]
    public void DueAt_CountsBusinessDays_AtThePreviousTimeOfDay_PlusAFewMinutes(string previous, int delay, string baseline)
    {
        foreach (var seed in new[] { "enrolment-1:1", "enrolment-2:1", "enrolment-3:4" })
        {
            var due = StepScheduler.DueAt(Instant(previous), Step(delay), SendWindow.BusinessHours, Berlin, seed);

            Assert.InRange(due - Instant(baseline), StepScheduler.MinJitter, StepScheduler.MaxJitter);
            Assert.True(SendWindows.IsOpen(due, SendWindow.BusinessHours, Berlin));
        }
    }

    [Fact]
    public void DueAt_InNewYork_CountsTheProspectsDays_NotUtcDays()
    {
        // 18:30 New York on a Friday is already Saturday in UTC; one business day later is Monday there.
        var due = StepScheduler.DueAt(Instant("2025-06-06T18:30:00-04:00"), Step(1), SendWindow.BusinessHours, NewYork, "ny");

        var local = TimeZoneInfo.ConvertTime(due, NewYork);
        Assert.Equal(new DateOnly(2025, 6, 9), DateOnly.FromDateTime(local.DateTime));
        Assert.InRange(TimeOnly.FromDateTime(local.DateTime), new TimeOnly(8, 1), new TimeOnly(8, 9));
    }

    [Fact]
    public void DueAt_NearTheEndOfTheWindow_JittersBackwardsToStayInside()
    {
        var previous = Instant("2025-06-05T16:58:00+02:00");
        var dues = Enumerable.Range(0, 200).Select(i => StepScheduler.DueAt(previous, Step(1), SendWindow.BusinessHours, Berlin, "seed-" + i)).ToList();

        foreach (var due in dues)
        {
            Assert.True(SendWindows.IsOpen(due, SendWindow.BusinessHours, Berlin), due.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            Assert.InRange(due, Instant("2025-06-06T16:49:00+02:00"), Instant("2025-06-06T16:59:59+02:00"));
            Assert.NotEqual(Instant("2025-06-06T16:58:00+02:00"), due);
        }

        Assert.Contains(dues, d => d < Instant("2025-06-06T16:58:00+02:00"));
    }

    [Fact]
    public void DueAt_InATinyWindow_StaysInsideIt()
    {
        var window = Window("09:00", "09:02", "weekdays");

        var due = StepScheduler.DueAt(Instant("2025-06-05T09:00:30+02:00"), Step(2), window, Berlin, "tiny");

        Assert.True(SendWindows.IsOpen(due, window, Berlin));
        Assert.Equal(new DateOnly(2025, 6, 9), SendWindows.LocalDate(due, Berlin));
    }

    [Fact]
    public void DueAt_IsDeterministicForASeed_AndSpreadsOverSeeds()
    {
        var previous = Instant("2025-06-05T10:00:00+02:00");

        var first = StepScheduler.DueAt(previous, Step(2), SendWindow.BusinessHours, Berlin, "enrolment-42:3");
        var again = StepScheduler.DueAt(previous, Step(2), SendWindow.BusinessHours, Berlin, "enrolment-42:3");
        var spread = Enumerable.Range(0, 500)
            .Select(i => StepScheduler.DueAt(previous, Step(2), SendWindow.BusinessHours, Berlin, "enrolment-" + i + ":3"))
            .ToList();

        Assert.Equal(first, again);
        Assert.True(spread.Distinct().Count() > 200, $"only {spread.Distinct().Count()} distinct times");
        Assert.Contains(spread, d => d - Instant("2025-06-09T10:00:00+02:00") < TimeSpan.FromMinutes(3));
        Assert.Contains(spread, d => d - Instant("2025-06-09T10:00:00+02:00") > TimeSpan.FromMinutes(7));
    }

    [Fact]
    public void DueAt_UsesTheWindowsDaysAsBusinessDays()
    {
        var mondayWednesdayFriday = new SendWindow(new TimeOnly(9, 0), new TimeOnly(12, 0), [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday]);

        var due = StepScheduler.DueAt(Instant("2025-06-02T10:00:00+02:00"), Step(2), mondayWednesdayFriday, Berlin, "mwf");

        Assert.Equal(new DateOnly(2025, 6, 6), SendWindows.LocalDate(due, Berlin));
    }

    [Fact]
    public void DueAt_RefusesANegativeDelay()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            StepScheduler.DueAt(Instant("2025-06-02T10:00:00+02:00"), Step(-1), SendWindow.BusinessHours, Berlin, "x"));
    }
}
