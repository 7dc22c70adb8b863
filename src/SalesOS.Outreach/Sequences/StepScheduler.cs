using SalesOS.Contracts.Outreach;

namespace SalesOS.Outreach.Sequences;

/// <summary>
/// When the next step of an enrolment is due. Pass <c>step.Window ?? definition.Window</c> as the window
/// and the prospect's zone: business days and hours are the prospect's, not the sender's.
/// </summary>
public static class StepScheduler
{
    /// <summary>Jitter is drawn between these, so follow-ups do not all land on the minute of the first touch.</summary>
    public static readonly TimeSpan MinJitter = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaxJitter = TimeSpan.FromMinutes(9);

    /// <summary>
    /// A step with no delay runs at the first opening at or after <paramref name="previous"/> (no jitter:
    /// the mailbox's pacer spaces sends). A step with N days' delay runs N business days (the window's days)
    /// after the previous step's local date, at the previous step's local time of day when that lies in the
    /// window and at the window's opening otherwise, moved by a jitter of 1–9 minutes drawn from
    /// <paramref name="seed"/> that keeps it inside the window.
    /// </summary>
    public static DateTimeOffset DueAt(DateTimeOffset previous, SequenceStep step, SendWindow window, TimeZoneInfo zone, string seed)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(seed);
        SendWindows.EnsureUsable(window);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfNegative(step.DelayBusinessDays);

        if (step.DelayBusinessDays == 0)
        {
            return SendWindows.NextOpening(previous, window, zone);
        }

        var local = TimeZoneInfo.ConvertTime(previous, zone).DateTime;
        var timeOfDay = TimeOnly.FromDateTime(local);
        if (timeOfDay < window.Start || timeOfDay >= window.End)
        {
            timeOfDay = window.Start;
        }

        var day = BusinessCalendar.AddBusinessDays(DateOnly.FromDateTime(local), step.DelayBusinessDays, window.Days);
        var due = SendWindows.ToInstant(day.ToDateTime(timeOfDay), zone);
        if (SendWindows.OpeningContaining(due, window, zone) is not { } opening)
        {
            // The whole window or this time of day fell into a DST gap: take the next opening instead.
            due = SendWindows.NextOpening(due, window, zone);
            opening = SendWindows.OpeningContaining(due, window, zone)!.Value;
        }

        var jitter = MinJitter + TimeSpan.FromSeconds(Math.Floor(SeededDraw.Unit("step-jitter", seed) * (MaxJitter - MinJitter).TotalSeconds));
        var jittered = due + jitter;
        if (jittered >= opening.End)
        {
            jittered = due - jitter;
        }

        return jittered < opening.Start ? opening.Start : jittered;
    }
}
