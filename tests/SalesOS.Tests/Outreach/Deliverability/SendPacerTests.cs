using SalesOS.Contracts.Outreach;
using SalesOS.Outreach.Deliverability;
using SalesOS.Outreach.Sequences;
using static SalesOS.Tests.Outreach.Sequences.SendWindowsTests;

namespace SalesOS.Tests.Outreach.Deliverability;

/// <summary>Send slots of one mailbox: spacing, warm-up caps, the prospect's window, and a bounded search.</summary>
public sealed class SendPacerTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    private static PacingRules Rules(WarmUpPlan plan) => new(plan, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(6), Berlin);

    [Fact]
    public void Reserve_1000Times_NeverPlacesTwoSendsCloserThanMinSpacing_AndRespectsEveryRule()
    {
        var rules = Rules(WarmUpPlan.Gradual(new DateOnly(2025, 6, 2)) with { DailyCap = 120 });
        TimeZoneInfo[] zones = [Berlin, NewYork, Tokyo, Kolkata];
        var random = new Random(20250602);
        var state = PacerState.Empty;
        var now = Instant("2025-06-02T06:00:00Z");
        var slots = new List<(DateTimeOffset Slot, DateTimeOffset Earliest, TimeZoneInfo Zone)>();

        for (var i = 0; i < 1_000; i++)
        {
            // Requests arrive as steps fall due: time moves on, some ask for a little later than now.
            now += TimeSpan.FromSeconds(random.Next(0, 400));
            var earliest = now + TimeSpan.FromMinutes(random.Next(0, 3) == 0 ? random.Next(0, 600) : 0);
            var zone = zones[random.Next(zones.Length)];

            var reservation = SendPacer.Reserve(state, rules, earliest, SendWindow.BusinessHours, zone, "enrolment-" + i);

            Assert.True(reservation.Found, reservation.NoSlotReason);
            state = reservation.State;
            slots.Add((reservation.Slot!.Value, earliest, zone));
        }

        var ordered = slots.Select(s => s.Slot).Order().ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.True(ordered[i] - ordered[i - 1] >= rules.MinSpacing, $"{ordered[i - 1]:O} and {ordered[i]:O}");
        }

        foreach (var (slot, earliest, zone) in slots)
        {
            Assert.True(slot >= earliest);
            Assert.True(SendWindows.IsOpen(slot, SendWindow.BusinessHours, zone), $"{slot:O} closed in {zone.Id}");
        }

        foreach (var day in slots.GroupBy(s => SendPacer.MailboxDay(s.Slot, rules)))
        {
            Assert.True(day.Count() <= rules.Plan.CapOn(day.Key), $"{day.Count()} on {day.Key}, cap {rules.Plan.CapOn(day.Key)}");
        }
    }

    [Fact]
    public void Reserve_BackToBack_SpacesSendsBetweenMinAndMax_LikeAPerson()
    {
        var rules = Rules(WarmUpPlan.None(500));
        var state = PacerState.Empty;
        var earliest = Instant("2025-06-04T08:00:00+02:00");
        var slots = new List<DateTimeOffset>();
        for (var i = 0; i < 60; i++)
        {
            var reservation = SendPacer.Reserve(state, rules, earliest, SendWindow.BusinessHours, Berlin, "contact-" + i);
            state = reservation.State;
            slots.Add(reservation.Slot!.Value);
        }

        // Later requests may take a gap between earlier slots, so judge the slots in time order.
        var ordered = slots.Order().ToList();
        Assert.Equal(earliest, ordered[0]);
        var gaps = ordered.Zip(ordered.Skip(1), (a, b) => b - a).ToList();
        Assert.All(gaps, g => Assert.InRange(g, rules.MinSpacing, rules.MaxSpacing));
        Assert.True(gaps.Distinct().Count() > 40, "spacings should vary from send to send");
        Assert.Equal(ordered[^1], state.LastSlot);
    }

    [Fact]
    public void Reserve_FillsEachDayUpToItsWarmUpCap_ThenMovesOn()
    {
        var started = new DateOnly(2025, 6, 2);
        var rules = Rules(WarmUpPlan.Gradual(started));
        var state = PacerState.Empty;
        var slots = new List<DateTimeOffset>();
        for (var i = 0; i < 60; i++)
        {
            var reservation = SendPacer.Reserve(state, rules, Instant("2025-06-02T08:00:00+02:00"), SendWindow.BusinessHours, Berlin, "c" + i);
            state = reservation.State;
            slots.Add(reservation.Slot!.Value);
        }

        var perDay = slots.GroupBy(s => SendPacer.MailboxDay(s, rules)).ToDictionary(g => g.Key, g => g.Count());

        // Monday 5, Tuesday 8, Wednesday 11, Thursday 14, Friday 17 (weekend closed), then Monday's 5 of 26.
        Assert.Equal(5, perDay[started]);
        Assert.Equal(8, perDay[started.AddDays(1)]);
        Assert.Equal(11, perDay[started.AddDays(2)]);
        Assert.Equal(14, perDay[started.AddDays(3)]);
        Assert.Equal(17, perDay[started.AddDays(4)]);
        Assert.Equal(5, perDay[started.AddDays(7)]);
        Assert.Equal(6, perDay.Count);
    }

    [Fact]
    public void Reserve_KeepsToTheProspectsWindow_InTheProspectsZone()
    {
        var rules = Rules(WarmUpPlan.None(500));
        var state = PacerState.Empty;

        // 08:00 in Berlin is 15:00 in Tokyo: two hours of Tokyo's window are left today, the rest is tomorrow.
        var slots = new List<DateTimeOffset>();
        // 80 sends at least 2 minutes apart need more than the 2 hours left.
        for (var i = 0; i < 80; i++)
        {
            var reservation = SendPacer.Reserve(state, rules, Instant("2025-06-04T08:00:00+02:00"), SendWindow.BusinessHours, Tokyo, "t" + i);
            state = reservation.State;
            slots.Add(reservation.Slot!.Value);
        }

        Assert.All(slots, s =>
        {
            var local = TimeZoneInfo.ConvertTime(s, Tokyo);
            Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(8), TimeSpan.FromHours(17) - TimeSpan.FromTicks(1));
        });
        Assert.Contains(slots, s => SendWindows.LocalDate(s, Tokyo) == new DateOnly(2025, 6, 5));
    }

    [Fact]
    public void Reserve_AProspectWhoseWindowIsClosed_DoesNotHoldUpOneWhoseWindowIsOpen()
    {
        var rules = Rules(WarmUpPlan.None(500));
        var now = Instant("2025-06-04T10:00:00+02:00");

        // Tokyo is closed (17:00 there), so that send goes to tomorrow morning in Tokyo...
        var tokyo = SendPacer.Reserve(PacerState.Empty, rules, now, SendWindow.BusinessHours, Tokyo, "tokyo");
        // ...and the Berlin prospect, open now, still goes now.
        var berlin = SendPacer.Reserve(tokyo.State, rules, now, SendWindow.BusinessHours, Berlin, "berlin");

        Assert.Equal(Instant("2025-06-05T08:00:00+09:00"), tokyo.Slot);
        Assert.Equal(now, berlin.Slot);
        Assert.Equal(tokyo.Slot, berlin.State.LastSlot);
        Assert.Equal([now, tokyo.Slot!.Value], berlin.State.Slots);
    }

    [Fact]
    public void Reserve_FitsIntoAGap_OnlyWhenItKeepsMinSpacingToTheNextSend()
    {
        var rules = Rules(WarmUpPlan.None(500));
        var at10 = Instant("2025-06-04T10:00:00+02:00");
        var state = new PacerState(at10.AddMinutes(30), new Dictionary<DateOnly, int> { [new DateOnly(2025, 6, 4)] = 2 }, [at10, at10.AddMinutes(30)]);

        // Between 10:00 and 10:30 there is room; right before 10:30 there is not.
        var between = SendPacer.Reserve(state, rules, at10.AddMinutes(10), SendWindow.BusinessHours, Berlin, "gap");
        var tooClose = SendPacer.Reserve(state, rules, at10.AddMinutes(29), SendWindow.BusinessHours, Berlin, "gap");

        Assert.Equal(at10.AddMinutes(10), between.Slot);
        Assert.True(tooClose.Slot >= at10.AddMinutes(32), tooClose.Slot?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, between.State.ReservedPerDay[new DateOnly(2025, 6, 4)]);
    }

    [Fact]
    public void Reserve_FromAStateThatKnowsOnlyItsLastSlot_SpacesAfterIt()
    {
        var rules = Rules(WarmUpPlan.None(500));
        var last = Instant("2025-06-04T10:00:00+02:00");

        var reservation = SendPacer.Reserve(new PacerState(last, new Dictionary<DateOnly, int>(), []), rules, last, SendWindow.BusinessHours, Berlin, "x");

        Assert.InRange(reservation.Slot!.Value - last, rules.MinSpacing, rules.MaxSpacing);
    }

    [Fact]
    public void Reserve_InAOneMinuteWindow_TakesOneSlotADay()
    {
        var rules = Rules(WarmUpPlan.None(500));
        var window = Window("09:00", "09:01", "weekdays");
        var state = PacerState.Empty;
        var days = new List<DateOnly>();
        for (var i = 0; i < 5; i++)
        {
            var reservation = SendPacer.Reserve(state, rules, Instant("2025-06-02T00:00:00+02:00"), window, Berlin, "tiny-" + i);
            state = reservation.State;
            days.Add(SendWindows.LocalDate(reservation.Slot!.Value, Berlin));
        }

        Assert.Equal([new(2025, 6, 2), new(2025, 6, 3), new(2025, 6, 4), new(2025, 6, 5), new(2025, 6, 6)], days);
    }

    [Fact]
    public void Reserve_WhenCapsAreFullForMonths_ReportsNoSlot_AndKeepsTheState()
    {
        // A plan that starts in 100 days allows nothing within the 60-day search.
        var rules = Rules(WarmUpPlan.Gradual(new DateOnly(2025, 9, 10)));
        var state = PacerState.Empty;

        var reservation = SendPacer.Reserve(state, rules, Instant("2025-06-02T08:00:00+02:00"), SendWindow.BusinessHours, Berlin, "full");

        Assert.False(reservation.Found);
        Assert.Null(reservation.Slot);
        Assert.Same(state, reservation.State);
        Assert.Contains("daily cap", reservation.NoSlotReason, StringComparison.Ordinal);
        Assert.Contains("60 days", reservation.NoSlotReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reserve_WhenTheWindowIsTooSmallForTheSpacing_ReportsNoSlotWithin60Days()
    {
        var rules = Rules(WarmUpPlan.None(500));
        var window = Window("09:00", "09:01", "weekdays");
        var state = PacerState.Empty;

        // Fill every weekday of the horizon with its one possible slot, then ask for one more.
        SlotReservation reservation;
        var found = 0;
        while ((reservation = SendPacer.Reserve(state, rules, Instant("2025-06-02T00:00:00+02:00"), window, Berlin, "w" + found)).Found)
        {
            state = reservation.State;
            found++;
        }

        Assert.InRange(found, 40, 45);
        Assert.Contains("window had no free time", reservation.NoSlotReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reserve_IsDeterministicForTheSameStateAndSeed()
    {
        var rules = Rules(WarmUpPlan.None(500));
        var state = SendPacer.Reserve(PacerState.Empty, rules, Instant("2025-06-04T10:00:00+02:00"), SendWindow.BusinessHours, Berlin, "first").State;

        var one = SendPacer.Reserve(state, rules, Instant("2025-06-04T10:00:00+02:00"), SendWindow.BusinessHours, Berlin, "second");
        var two = SendPacer.Reserve(state, rules, Instant("2025-06-04T10:00:00+02:00"), SendWindow.BusinessHours, Berlin, "second");
        var other = SendPacer.Reserve(state, rules, Instant("2025-06-04T10:00:00+02:00"), SendWindow.BusinessHours, Berlin, "third");

        Assert.Equal(one.Slot, two.Slot);
        Assert.NotEqual(one.Slot, other.Slot);
    }

    [Fact]
    public void Reserve_ForgetsDaysAndSlotsLongPast()
    {
        var rules = Rules(WarmUpPlan.None(500));
        var state = PacerState.Empty;
        for (var day = 0; day < 10; day++)
        {
            var earliest = Instant("2025-06-02T09:00:00+02:00").AddDays(day);
            for (var i = 0; i < 5; i++)
            {
                state = SendPacer.Reserve(state, rules, earliest, SendWindow.BusinessHours, Berlin, $"{day}-{i}").State;
            }
        }

        Assert.All(state.ReservedPerDay.Keys, d => Assert.True(d >= new DateOnly(2025, 6, 10), d.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(state.Slots, s => Assert.True(s >= Instant("2025-06-10T08:00:00+02:00")));
    }

    [Fact]
    public void Release_GivesTheSlotBack()
    {
        var rules = Rules(WarmUpPlan.None(1));
        var at = Instant("2025-06-04T10:00:00+02:00");
        var first = SendPacer.Reserve(PacerState.Empty, rules, at, SendWindow.BusinessHours, Berlin, "a");
        var blocked = SendPacer.Reserve(first.State, rules, at, SendWindow.BusinessHours, Berlin, "b");

        var released = SendPacer.Release(first.State, rules, first.Slot!.Value);
        var again = SendPacer.Reserve(released, rules, at, SendWindow.BusinessHours, Berlin, "b");

        Assert.Equal(new DateOnly(2025, 6, 5), SendPacer.MailboxDay(blocked.Slot!.Value, rules));
        Assert.Empty(released.Slots);
        Assert.Empty(released.ReservedPerDay);
        Assert.Null(released.LastSlot);
        Assert.Equal(at, again.Slot);
    }

    [Fact]
    public void Rules_WithMaxSpacingBelowMin_AreRefused()
    {
        var rules = new PacingRules(WarmUpPlan.None(10), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), Berlin);

        Assert.Throws<ArgumentException>(() => SendPacer.Reserve(PacerState.Empty, rules, Instant("2025-06-04T10:00:00Z"), SendWindow.BusinessHours, Berlin, "x"));
    }
}
