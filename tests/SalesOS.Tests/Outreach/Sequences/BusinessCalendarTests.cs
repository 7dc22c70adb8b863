using SalesOS.Outreach.Sequences;

namespace SalesOS.Tests.Outreach.Sequences;

/// <summary>Counting business days over weekends and non-standard work weeks.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [Theory]
    [InlineData("2025-06-06", 0, "2025-06-06")] // Friday + 0 = Friday
    [InlineData("2025-06-07", 0, "2025-06-07")] // Saturday + 0 = Saturday itself
    [InlineData("2025-06-06", 1, "2025-06-09")] // Friday + 1 = Monday
    [InlineData("2025-06-07", 1, "2025-06-09")] // Saturday + 1 = Monday
    [InlineData("2025-06-08", 1, "2025-06-09")] // Sunday + 1 = Monday
    [InlineData("2025-06-05", 3, "2025-06-10")] // Thursday + 3 = Tuesday
    [InlineData("2025-06-04", 5, "2025-06-11")] // Wednesday + 5 = next Wednesday
    [InlineData("2025-06-02", 10, "2025-06-16")] // Monday + 10 = Monday two weeks on
    [InlineData("2025-06-02", 90, "2025-10-06")] // Monday + 90 = 18 weeks on
    public void AddBusinessDays_SkipsWeekends(string start, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            BusinessCalendar.AddBusinessDays(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days, Weekdays));
    }

    [Fact]
    public void AddBusinessDays_FollowsTheGivenWorkWeek()
    {
        DayOfWeek[] sundayToThursday = [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];
        DayOfWeek[] mondayWednesdayFriday = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday];

        Assert.Equal(new DateOnly(2025, 6, 8), BusinessCalendar.AddBusinessDays(new DateOnly(2025, 6, 5), 1, sundayToThursday));
        Assert.Equal(new DateOnly(2025, 6, 4), BusinessCalendar.AddBusinessDays(new DateOnly(2025, 6, 2), 1, mondayWednesdayFriday));
        Assert.Equal(new DateOnly(2025, 6, 9), BusinessCalendar.AddBusinessDays(new DateOnly(2025, 6, 2), 3, mondayWednesdayFriday));
    }

    [Fact]
    public void AddBusinessDays_MatchesCountingDayByDay()
    {
        DayOfWeek[][] weeks =
        [
            Weekdays,
            [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday],
            [DayOfWeek.Saturday],
            Enum.GetValues<DayOfWeek>(),
            [DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Tuesday],
        ];

        foreach (var week in weeks)
        {
            for (var offset = 0; offset < 14; offset++)
            {
                var start = new DateOnly(2025, 6, 1).AddDays(offset);
                for (var days = 0; days <= 40; days++)
                {
                    var expected = start;
                    for (var left = days; left > 0;)
                    {
                        expected = expected.AddDays(1);
                        if (week.Contains(expected.DayOfWeek))
                        {
                            left--;
                        }
                    }

                    Assert.Equal(expected, BusinessCalendar.AddBusinessDays(start, days, week));
                }
            }
        }
    }

    [Fact]
    public void AddBusinessDays_RefusesAnEmptyWeekAndNegativeDays()
    {
        Assert.Throws<ArgumentException>(() => BusinessCalendar.AddBusinessDays(new DateOnly(2025, 6, 2), 1, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.AddBusinessDays(new DateOnly(2025, 6, 2), -1, Weekdays));
    }
}
