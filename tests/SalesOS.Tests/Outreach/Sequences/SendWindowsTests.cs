using System.Globalization;
using SalesOS.Contracts.Outreach;
using SalesOS.Outreach.Sequences;

namespace SalesOS.Tests.Outreach.Sequences;

/// <summary>When a send window opens, as instants, across weekends, DST changes and odd offsets.</summary>
public sealed class SendWindowsTests
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    [Theory]
    // Europe/Berlin business hours: inside, before, at the (exclusive) end on a Friday, on a Saturday.
    [InlineData("Europe/Berlin", "08:00", "17:00", "weekdays", "2025-06-04T10:00:00+02:00", "2025-06-04T10:00:00+02:00")]
    [InlineData("Europe/Berlin", "08:00", "17:00", "weekdays", "2025-06-04T06:00:00+02:00", "2025-06-04T08:00:00+02:00")]
    [InlineData("Europe/Berlin", "08:00", "17:00", "weekdays", "2025-06-06T17:00:00+02:00", "2025-06-09T08:00:00+02:00")]
    [InlineData("Europe/Berlin", "08:00", "17:00", "weekdays", "2025-06-07T12:00:00+02:00", "2025-06-09T08:00:00+02:00")]
    // Berlin over the spring-forward weekend: Friday evening in CET, Monday morning in CEST.
    [InlineData("Europe/Berlin", "08:00", "17:00", "weekdays", "2025-03-28T18:00:00+01:00", "2025-03-31T08:00:00+02:00")]
    // Berlin, a window starting inside the gap (02:00–03:00 does not exist on 2025-03-30): opens at 03:00 CEST.
    [InlineData("Europe/Berlin", "02:30", "04:00", "all", "2025-03-30T00:00:00+01:00", "2025-03-30T03:00:00+02:00")]
    // Berlin, a window starting in the repeated hour (02:00–03:00 twice on 2025-10-26): the first 02:30, in CEST.
    [InlineData("Europe/Berlin", "02:30", "04:00", "all", "2025-10-26T00:00:00+02:00", "2025-10-26T02:30:00+02:00")]
    // ...and the second pass through 02:40 (CET) is still inside that day's window.
    [InlineData("Europe/Berlin", "02:30", "04:00", "all", "2025-10-26T02:40:00+01:00", "2025-10-26T02:40:00+01:00")]
    // Berlin after the autumn change: Friday evening in CEST, Monday morning in CET.
    [InlineData("Europe/Berlin", "08:00", "17:00", "weekdays", "2025-10-24T17:30:00+02:00", "2025-10-27T08:00:00+01:00")]
    // America/New_York over both changes of 2025.
    [InlineData("America/New_York", "08:00", "17:00", "weekdays", "2025-03-07T17:30:00-05:00", "2025-03-10T08:00:00-04:00")]
    [InlineData("America/New_York", "08:00", "17:00", "weekdays", "2025-10-31T18:00:00-04:00", "2025-11-03T08:00:00-05:00")]
    [InlineData("America/New_York", "02:15", "05:00", "all", "2025-03-09T00:00:00-05:00", "2025-03-09T03:00:00-04:00")]
    [InlineData("America/New_York", "01:30", "05:00", "all", "2025-11-02T00:00:00-04:00", "2025-11-02T01:30:00-04:00")]
    // Asia/Kolkata (+05:30): 07:30 local on a Monday, 17:15 local on a Friday.
    [InlineData("Asia/Kolkata", "08:00", "17:00", "weekdays", "2025-06-02T02:00:00Z", "2025-06-02T08:00:00+05:30")]
    [InlineData("Asia/Kolkata", "08:00", "17:00", "weekdays", "2025-06-06T11:45:00Z", "2025-06-09T08:00:00+05:30")]
    // Pacific/Chatham (+12:45, +13:45 in summer): a Monday morning in winter...
    [InlineData("Pacific/Chatham", "08:00", "17:00", "weekdays", "2025-06-01T19:00:00Z", "2025-06-02T08:00:00+12:45")]
    // ...the spring-forward gap 02:45–03:45 on 2025-09-28 swallows a 03:00 start...
    [InlineData("Pacific/Chatham", "03:00", "06:00", "all", "2025-09-28T00:00:00+12:45", "2025-09-28T03:45:00+13:45")]
    // ...and 03:00 happens twice on 2025-04-06: the first one, in summer time.
    [InlineData("Pacific/Chatham", "03:00", "06:00", "all", "2025-04-06T00:00:00+13:45", "2025-04-06T03:00:00+13:45")]
    public void NextOpening_FindsTheEarliestInstantInsideTheWindow(string zoneId, string start, string end, string days, string earliest, string expected)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var window = Window(start, end, days);

        var opening = SendWindows.NextOpening(Instant(earliest), window, zone);

        Assert.Equal(Instant(expected), opening);
        Assert.True(SendWindows.IsOpen(opening, window, zone));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2025-06-04T08:00:00+02:00", true)]
    [InlineData("Europe/Berlin", "2025-06-04T16:59:59+02:00", true)]
    [InlineData("Europe/Berlin", "2025-06-04T17:00:00+02:00", false)]
    [InlineData("Europe/Berlin", "2025-06-04T07:59:59+02:00", false)]
    [InlineData("Europe/Berlin", "2025-06-07T10:00:00+02:00", false)]
    [InlineData("Europe/Berlin", "2025-06-08T10:00:00+02:00", false)]
    [InlineData("Asia/Kolkata", "2025-06-04T02:30:00Z", true)]
    [InlineData("Asia/Kolkata", "2025-06-04T02:29:00Z", false)]
    [InlineData("Pacific/Chatham", "2025-06-03T19:15:00Z", true)]
    [InlineData("Pacific/Chatham", "2025-06-03T19:14:00Z", false)]
    public void IsOpen_JudgesTheProspectsWallClock(string zoneId, string at, bool open)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        Assert.Equal(open, SendWindows.IsOpen(Instant(at), SendWindow.BusinessHours, zone));
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Pacific/Chatham")]
    [InlineData("Australia/Lord_Howe")]
    public void NextOpening_AgreesWithIsOpen_AtEveryInstantOfAYear(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        SendWindow[] windows = [SendWindow.BusinessHours, Window("02:30", "03:15", "all"), Window("00:00", "23:59", "weekdays")];

        // Every 53 minutes through 2025 hits every time of day and both DST changes at several offsets.
        foreach (var window in windows)
        {
            for (var at = Instant("2025-01-01T00:00:00Z"); at < Instant("2026-01-01T00:00:00Z"); at = at.AddMinutes(53))
            {
                var opening = SendWindows.NextOpening(at, window, zone);
                Assert.True(opening >= at);
                Assert.Equal(SendWindows.IsOpen(at, window, zone), opening == at);
                Assert.True(SendWindows.IsOpen(opening, window, zone), $"{opening:O} in {zoneId}");

                // On the wall clock too, except in an autumn night's repeated hour, which a window reaching into
                // it keeps (one continuous opening a day).
                var local = TimeZoneInfo.ConvertTime(opening, zone);
                Assert.Contains(local.DayOfWeek, window.Days);
                if (!zone.IsAmbiguousTime(local.DateTime))
                {
                    Assert.InRange(TimeOnly.FromDateTime(local.DateTime), window.Start, window.End);
                    Assert.NotEqual(window.End, TimeOnly.FromDateTime(local.DateTime));
                }
            }
        }
    }

    [Fact]
    public void Openings_AreAscendingDayByDay_AndTheFirstIsCutToTheStart()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        // Wednesday before the autumn change to the Tuesday after it.
        var openings = SendWindows.Openings(Instant("2025-10-22T10:00:00+02:00"), SendWindow.BusinessHours, zone).Take(5).ToList();

        Assert.Equal(
        [
            (Instant("2025-10-22T10:00:00+02:00"), Instant("2025-10-22T17:00:00+02:00")),
            (Instant("2025-10-23T08:00:00+02:00"), Instant("2025-10-23T17:00:00+02:00")),
            (Instant("2025-10-24T08:00:00+02:00"), Instant("2025-10-24T17:00:00+02:00")),
            (Instant("2025-10-27T08:00:00+01:00"), Instant("2025-10-27T17:00:00+01:00")),
            (Instant("2025-10-28T08:00:00+01:00"), Instant("2025-10-28T17:00:00+01:00")),
        ], openings);
    }

    [Fact]
    public void Openings_AreLazy_SoAnEndlessSequenceCanBeTaken()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var openings = SendWindows.Openings(Instant("2025-01-01T00:00:00Z"), SendWindow.BusinessHours, zone).Take(520).ToList();

        Assert.Equal(520, openings.Count);
        for (var i = 1; i < openings.Count; i++)
        {
            Assert.True(openings[i].Start >= openings[i - 1].End);
            Assert.True(openings[i].End > openings[i].Start);
        }
    }

    [Fact]
    public void ADayWhoseWholeWindowIsInTheGap_HasNoOpening()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var window = Window("02:10", "02:50", "all");

        Assert.Null(SendWindows.OpeningOn(new DateOnly(2025, 3, 30), window, zone));
        Assert.Equal(Instant("2025-03-31T02:10:00+02:00"), SendWindows.NextOpening(Instant("2025-03-30T00:00:00+01:00"), window, zone));
    }

    [Theory]
    [InlineData("17:00", "08:00", "weekdays")]
    [InlineData("08:00", "08:00", "weekdays")]
    [InlineData("08:00", "17:00", "none")]
    public void UnusableWindows_AreRejected(string start, string end, string days)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var window = Window(start, end, days);

        Assert.Throws<ArgumentException>(() => SendWindows.NextOpening(Instant("2025-06-04T10:00:00Z"), window, zone));
        Assert.Throws<ArgumentException>(() => SendWindows.IsOpen(Instant("2025-06-04T10:00:00Z"), window, zone));
        Assert.Throws<ArgumentException>(() => SendWindows.Openings(Instant("2025-06-04T10:00:00Z"), window, zone));
    }

    internal static SendWindow Window(string start, string end, string days) => new(
        TimeOnly.Parse(start, CultureInfo.InvariantCulture),
        TimeOnly.Parse(end, CultureInfo.InvariantCulture),
        days switch
        {
            "weekdays" => Weekdays,
            "all" => EveryDay,
            "none" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(days), days, null),
        });

    internal static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
