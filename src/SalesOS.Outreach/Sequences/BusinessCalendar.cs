namespace SalesOS.Outreach.Sequences;

/// <summary>Counting business days: the days a send window is open on (public holidays are not modelled).</summary>
public static class BusinessCalendar
{
    /// <summary>
    /// The date <paramref name="days"/> workdays after <paramref name="start"/>: Friday + 1 = Monday with
    /// Monday–Friday workdays, Saturday + 1 = Monday too. 0 days is <paramref name="start"/> itself, even
    /// when that is not a workday.
    /// </summary>
    public static DateOnly AddBusinessDays(DateOnly start, int days, IReadOnlyList<DayOfWeek> workdays)
    {
        ArgumentNullException.ThrowIfNull(workdays);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var isWorkday = WorkdayMask(workdays);
        if (isWorkday == 0)
        {
            throw new ArgumentException("At least one workday is needed to count business days.", nameof(workdays));
        }

        if (days == 0)
        {
            return start;
        }

        var perWeek = System.Numerics.BitOperations.PopCount((uint)isWorkday);

        // Whole weeks at once, so a long delay costs no more than a short one; the rest day by day.
        var weeks = (days - 1) / perWeek;
        var date = start.AddDays(weeks * 7);
        var remaining = days - (weeks * perWeek);
        while (remaining > 0)
        {
            date = date.AddDays(1);
            if ((isWorkday & (1 << (int)date.DayOfWeek)) != 0)
            {
                remaining--;
            }
        }

        return date;
    }

    internal static int WorkdayMask(IReadOnlyList<DayOfWeek> days)
    {
        var mask = 0;
        foreach (var day in days)
        {
            if (day is < DayOfWeek.Sunday or > DayOfWeek.Saturday)
            {
                throw new ArgumentException($"{(int)day} is not a day of the week.", nameof(days));
            }

            mask |= 1 << (int)day;
        }

        return mask;
    }
}
