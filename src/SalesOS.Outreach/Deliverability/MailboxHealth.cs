using System.Globalization;

namespace SalesOS.Outreach.Deliverability;

/// <summary>What happened to a mailbox's mail: sent, bounced for good, bounced for now, or reported as spam.</summary>
public enum DeliverabilityEvent
{
    Sent,
    HardBounce,
    SoftBounce,
    Complaint,
}

/// <summary>One day's deliverability counts of a mailbox. Bounces and complaints count on the day they arrive.</summary>
public sealed record DeliverabilityCounts(int Sent, int HardBounces, int SoftBounces, int Complaints)
{
    public static DeliverabilityCounts Zero { get; } = new(0, 0, 0, 0);

    public static DeliverabilityCounts Of(DeliverabilityEvent kind, int count = 1) => kind switch
    {
        DeliverabilityEvent.Sent => new(count, 0, 0, 0),
        DeliverabilityEvent.HardBounce => new(0, count, 0, 0),
        DeliverabilityEvent.SoftBounce => new(0, 0, count, 0),
        DeliverabilityEvent.Complaint => new(0, 0, 0, count),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a deliverability event."),
    };

    public DeliverabilityCounts Plus(DeliverabilityCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Sent + other.Sent, HardBounces + other.HardBounces, SoftBounces + other.SoftBounces, Complaints + other.Complaints);
    }
}

/// <summary>A mailbox's counts per day over the rolling window (older days are dropped as new ones are recorded).</summary>
public sealed record MailboxHealthState(IReadOnlyDictionary<DateOnly, DeliverabilityCounts> Days)
{
    public static MailboxHealthState Empty { get; } = new(new Dictionary<DateOnly, DeliverabilityCounts>());
}

/// <summary>
/// When a mailbox must stop sending. Rates are judged once <see cref="MinimumSent"/> messages are in the
/// window: 50 is about a day of a warmed-up mailbox, and below it a single bounce moves the rate by 2 points
/// or more, which is noise. Two things pause earlier: hard bounces that would exceed the rate even if the
/// next messages up to <see cref="MinimumSent"/> all arrived (2 of the first 50 with the defaults: the
/// verdict is already certain, and every further send to a bad list costs reputation), and
/// <see cref="ComplaintsAlwaysPause"/> spam complaints at any volume (3: mailbox providers act on very few
/// complaints, and three people in a month calling cold mail spam says the targeting or copy is wrong).
/// </summary>
public sealed record HealthThresholds(
    double MaxHardBounceRate = 0.03,
    double MaxComplaintRate = 0.003,
    int MinimumSent = 50,
    int ComplaintsAlwaysPause = 3)
{
    public static HealthThresholds Default { get; } = new();
}

/// <summary>A mailbox's deliverability over the window, and whether it must be paused and why.</summary>
public sealed record HealthReading(
    int Sent,
    int HardBounces,
    int SoftBounces,
    int Complaints,
    double HardBounceRate,
    double SoftBounceRate,
    double ComplaintRate,
    bool RatesJudged,
    bool MustPause,
    string? PauseReason,
    string Summary);

/// <summary>Rolling 30-day deliverability of one mailbox: bounces and complaints against what it sent.</summary>
public static class MailboxHealth
{
    public const int WindowDays = 30;

    /// <summary>Adds one event to <paramref name="day"/>.</summary>
    public static MailboxHealthState Record(MailboxHealthState state, DateOnly day, DeliverabilityEvent kind, int count = 1) =>
        Record(state, day, DeliverabilityCounts.Of(kind, count));

    /// <summary>
    /// Adds counts to <paramref name="day"/> and drops days that fell out of the window of the latest day
    /// recorded. Counts for a day already outside that window change nothing.
    /// </summary>
    public static MailboxHealthState Record(MailboxHealthState state, DateOnly day, DeliverabilityCounts add)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(add);
        if (add.Sent < 0 || add.HardBounces < 0 || add.SoftBounces < 0 || add.Complaints < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(add), add, "Counts cannot be negative.");
        }

        var latest = state.Days.Count == 0 ? day : state.Days.Keys.Append(day).Max();
        var oldest = latest.AddDays(-(WindowDays - 1));
        var days = state.Days.Where(d => d.Key >= oldest).ToDictionary(d => d.Key, d => d.Value);
        if (day >= oldest)
        {
            days[day] = days.TryGetValue(day, out var counts) ? counts.Plus(add) : add;
        }

        return new MailboxHealthState(days);
    }

    /// <summary>The reading over the 30 days ending with <paramref name="today"/>.</summary>
    public static HealthReading Evaluate(MailboxHealthState state, HealthThresholds thresholds, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(thresholds);
        var oldest = today.AddDays(-(WindowDays - 1));
        var total = DeliverabilityCounts.Zero;
        foreach (var (day, counts) in state.Days)
        {
            if (day >= oldest && day <= today)
            {
                total = total.Plus(counts);
            }
        }

        var sent = total.Sent;
        double Rate(int count) => sent == 0 ? 0 : (double)count / sent;
        var hardRate = Rate(total.HardBounces);
        var softRate = Rate(total.SoftBounces);
        var complaintRate = Rate(total.Complaints);
        var judged = sent >= thresholds.MinimumSent;

        var reasons = new List<string>();
        if (judged && hardRate > thresholds.MaxHardBounceRate)
        {
            reasons.Add(Invariant($"hard bounces {Percent(hardRate, "0.0")} over the last {WindowDays} days ({total.HardBounces} of {sent} sent) is above {Percent(thresholds.MaxHardBounceRate, "0.##")}"));
        }
        else if (!judged && total.HardBounces > thresholds.MaxHardBounceRate * thresholds.MinimumSent)
        {
            reasons.Add(Invariant($"hard bounces {total.HardBounces} of only {sent} sent over the last {WindowDays} days: even if the next messages up to {thresholds.MinimumSent} all arrive, that is above {Percent(thresholds.MaxHardBounceRate, "0.##")}"));
        }

        if (total.Complaints >= thresholds.ComplaintsAlwaysPause)
        {
            reasons.Add(Invariant($"{total.Complaints} spam complaints over the last {WindowDays} days ({sent} sent): {thresholds.ComplaintsAlwaysPause} or more pause the mailbox at any volume"));
        }
        else if (judged && complaintRate > thresholds.MaxComplaintRate)
        {
            reasons.Add(Invariant($"complaints {Percent(complaintRate, "0.00")} over the last {WindowDays} days ({total.Complaints} of {sent} sent) is above {Percent(thresholds.MaxComplaintRate, "0.##")}"));
        }

        var summary = Invariant($"{sent} sent over the last {WindowDays} days: hard bounces {Percent(hardRate, "0.0")} ({total.HardBounces}), soft bounces {Percent(softRate, "0.0")} ({total.SoftBounces}), complaints {Percent(complaintRate, "0.00")} ({total.Complaints})")
            + (judged ? "" : Invariant($"; rates are judged from {thresholds.MinimumSent} sent"));
        return new HealthReading(sent, total.HardBounces, total.SoftBounces, total.Complaints, hardRate, softRate, complaintRate, judged,
            reasons.Count > 0, reasons.Count > 0 ? string.Join("; ", reasons) : null, summary);
    }

    private static string Percent(double rate, string format) => (rate * 100).ToString(format, CultureInfo.InvariantCulture) + " %";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
