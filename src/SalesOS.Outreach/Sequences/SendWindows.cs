using SalesOS.Contracts.Outreach;

namespace SalesOS.Outreach.Sequences;

/// <summary>
/// When a send window is open, as instants. A window is the local wall-clock span [Start, End) on each of
/// its days in the prospect's zone. Windows that cross midnight (End ≤ Start) are rejected, here and by
/// <see cref="SequenceRules"/>: B2B outreach has no use for them, and rejecting keeps "the opening of a
/// day" unambiguous. Around daylight-saving changes a local time that does not exist is moved forward
/// to the end of the gap (02:30 on the spring-forward night opens at 03:00), and one that happens twice
/// means its first occurrence; a day whose whole window falls into a gap has no opening. A day's opening is
/// one continuous span, so when a window starts or ends inside the hour an autumn change repeats, the repeat
/// belongs to it (02:30–03:15 on that night runs from the first 02:30 to 03:15, through the second 02:00–02:30).
/// </summary>
public static class SendWindows
{
    // Every day of the week has a non-empty window once DST gaps are past, so a week and a bit always finds
    // one; the bound only guards against zone data with a gap larger than the window for a whole year.
    private const int SearchDays = 400;

    /// <summary>The earliest instant at or after <paramref name="earliest"/> inside the window; <paramref name="earliest"/> itself when the window is open then.</summary>
    public static DateTimeOffset NextOpening(DateTimeOffset earliest, SendWindow window, TimeZoneInfo zone)
    {
        EnsureUsable(window);
        ArgumentNullException.ThrowIfNull(zone);

        // From the day before: around a midnight DST change an instant's local date can run ahead of a
        // window that is still open on the previous date.
        var day = LocalDate(earliest, zone).AddDays(-1);
        for (var i = 0; i < SearchDays; i++, day = day.AddDays(1))
        {
            if (OpeningOn(day, window, zone) is { } opening && earliest < opening.End)
            {
                return earliest > opening.Start ? earliest : opening.Start;
            }
        }

        throw new InvalidOperationException($"The window never opens in {zone.Id} within {SearchDays} days of {earliest:O}.");
    }

    /// <summary>Whether <paramref name="at"/> lies inside the window: exactly when <see cref="NextOpening"/> of it is itself.</summary>
    public static bool IsOpen(DateTimeOffset at, SendWindow window, TimeZoneInfo zone)
    {
        EnsureUsable(window);
        ArgumentNullException.ThrowIfNull(zone);
        return OpeningContaining(at, window, zone) is not null;
    }

    /// <summary>
    /// The window's openings from <paramref name="from"/> on, ascending, without end (take what you need).
    /// An opening already under way at <paramref name="from"/> is cut to start there.
    /// </summary>
    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Openings(DateTimeOffset from, SendWindow window, TimeZoneInfo zone)
    {
        EnsureUsable(window);
        ArgumentNullException.ThrowIfNull(zone);
        return Enumerate(from, window, zone);
    }

    /// <summary>The instants the window is open on one local date, or null when it is not open that day.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End)? OpeningOn(DateOnly day, SendWindow window, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (!window.Days.Contains(day.DayOfWeek))
        {
            return null;
        }

        var start = ToInstant(day.ToDateTime(window.Start), zone);
        var end = ToInstant(day.ToDateTime(window.End), zone);
        return end > start ? (start, end) : null;
    }

    /// <summary>
    /// The instant of a local wall-clock time in a zone: a time in a DST gap becomes the end of the gap,
    /// a time that happens twice its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Transitions fall on whole minutes in every zone since the 1970s; 48 hours covers any gap there is.
            var probe = new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
            for (var minutes = 0; minutes < 48 * 60 && zone.IsInvalidTime(probe); minutes++)
            {
                probe = probe.AddMinutes(1);
            }

            local = probe;
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant: the first time the clock shows this local time.
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The prospect's local calendar date at an instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    internal static void EnsureUsable(SendWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.End <= window.Start)
        {
            throw new ArgumentException($"The send window must end after it starts ({window.Start:HH\\:mm}–{window.End:HH\\:mm}); windows across midnight are not supported.", nameof(window));
        }

        if (window.Days is null || window.Days.Count == 0 || BusinessCalendar.WorkdayMask(window.Days) == 0)
        {
            throw new ArgumentException("The send window needs at least one day.", nameof(window));
        }
    }

    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Enumerate(DateTimeOffset from, SendWindow window, TimeZoneInfo zone)
    {
        var day = LocalDate(from, zone).AddDays(-1);
        var last = DateTimeOffset.MinValue;
        while (true)
        {
            if (OpeningOn(day, window, zone) is { } opening && opening.End > from && opening.End > last)
            {
                var start = opening.Start < from ? from : opening.Start;
                if (start < last)
                {
                    start = last;
                }

                last = opening.End;
                yield return (start, opening.End);
            }

            day = day.AddDays(1);
        }
    }

    /// <summary>The whole opening <paramref name="at"/> lies in, or null when the window is closed then.</summary>
    internal static (DateTimeOffset Start, DateTimeOffset End)? OpeningContaining(DateTimeOffset at, SendWindow window, TimeZoneInfo zone)
    {
        var date = LocalDate(at, zone);
        var opening = OpeningOn(date, window, zone);
        if (Contains(opening, at))
        {
            return opening;
        }

        opening = OpeningOn(date.AddDays(-1), window, zone);
        return Contains(opening, at) ? opening : null;
    }

    private static bool Contains((DateTimeOffset Start, DateTimeOffset End)? opening, DateTimeOffset at) =>
        opening is { } o && at >= o.Start && at < o.End;
}
