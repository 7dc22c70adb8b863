namespace SalesOS.Outreach.Deliverability;

/// <summary>
/// How many messages a mailbox may send per day while its reputation is built: <see cref="StartPerDay"/>
/// on <see cref="StartedOn"/>, <see cref="IncreasePerDay"/> more each calendar day after, never more than
/// <see cref="DailyCap"/>. No increase means no warm-up: the cap from <see cref="StartedOn"/> on.
/// </summary>
public sealed record WarmUpPlan(int StartPerDay, int IncreasePerDay, int DailyCap, DateOnly StartedOn)
{
    public int StartPerDay { get; init; } = NotNegative(StartPerDay, nameof(StartPerDay));

    public int IncreasePerDay { get; init; } = NotNegative(IncreasePerDay, nameof(IncreasePerDay));

    public int DailyCap { get; init; } = NotNegative(DailyCap, nameof(DailyCap));

    /// <summary>A mailbox that is already warm: the cap from the first day.</summary>
    public static WarmUpPlan None(int dailyCap) => new(dailyCap, 0, dailyCap, DateOnly.MinValue);

    /// <summary>
    /// A new mailbox: 5 cold messages on day one, 3 more each day, 50 a day from day 16. Mailbox providers
    /// judge a new sender by its first weeks; a steady climb to a modest cap is what warm-up services do.
    /// </summary>
    public static WarmUpPlan Gradual(DateOnly startedOn) => new(5, 3, 50, startedOn);

    /// <summary>The most messages the mailbox may send on <paramref name="day"/>: none before the plan starts.</summary>
    public int CapOn(DateOnly day)
    {
        var days = day.DayNumber - StartedOn.DayNumber;
        if (days < 0)
        {
            return 0;
        }

        if (IncreasePerDay == 0)
        {
            return DailyCap;
        }

        return (int)Math.Min(DailyCap, StartPerDay + ((long)IncreasePerDay * days));
    }

    /// <summary>The first day the mailbox may send its full cap.</summary>
    public DateOnly FullFrom =>
        StartPerDay >= DailyCap || IncreasePerDay == 0
            ? StartedOn
            : StartedOn.AddDays((int)Math.Ceiling((DailyCap - StartPerDay) / (double)IncreasePerDay));

    private static int NotNegative(int value, string name) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, "Send counts cannot be negative.");
}
