using SalesOS.Contracts.Outreach;
using SalesOS.Outreach.Sequences;

namespace SalesOS.Outreach.Deliverability;

/// <summary>
/// The send slots one mailbox has handed out. <see cref="LastSlot"/> is the latest of them;
/// <see cref="Slots"/> holds each reserved instant from a day before the latest request on (ascending), so
/// a later request can take a free gap between earlier ones; <see cref="ReservedPerDay"/> counts
/// reservations per mailbox day (in the mailbox's zone) against the warm-up cap.
/// </summary>
public sealed record PacerState(DateTimeOffset? LastSlot, IReadOnlyDictionary<DateOnly, int> ReservedPerDay, IReadOnlyList<DateTimeOffset> Slots)
{
    public static PacerState Empty { get; } = new(null, new Dictionary<DateOnly, int>(), []);
}

/// <summary>How one mailbox paces its sends: its warm-up caps, the gap between two sends, and the zone its days are counted in.</summary>
public sealed record PacingRules(WarmUpPlan Plan, TimeSpan MinSpacing, TimeSpan MaxSpacing, TimeZoneInfo MailboxZone);

/// <summary>The slot reserved (null when none was found, with the reason) and the mailbox's new state.</summary>
public sealed record SlotReservation(DateTimeOffset? Slot, PacerState State, string? NoSlotReason)
{
    public bool Found => Slot is not null;
}

/// <summary>
/// Hands out send slots for one mailbox so it sends like a person: never two messages closer than
/// MinSpacing, usually a spacing drawn between MinSpacing and MaxSpacing after the send before, only while
/// the prospect's window is open in the prospect's zone, and no more per mailbox day than the warm-up
/// plan allows. Requests do not queue behind each other: one whose prospect's window opens tomorrow takes
/// tomorrow's slot without holding up a request whose window is open now, which takes a free gap today.
/// </summary>
public static class SendPacer
{
    /// <summary>How far ahead a slot is searched for before the pacer reports that there is none.</summary>
    public static readonly TimeSpan SearchHorizon = TimeSpan.FromDays(60);

    // Slots and day counts this far behind a request are forgotten: they cannot constrain a later slot,
    // and the margin covers callers whose clocks disagree by up to a day.
    private static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    /// <summary>
    /// The earliest slot at or after <paramref name="earliest"/> that keeps a spacing drawn from
    /// <paramref name="seed"/> after the reserved slot before it and at least MinSpacing before the one after
    /// it, lies inside <paramref name="window"/> in <paramref name="prospectZone"/>, and falls on a mailbox day
    /// whose reservations are below its cap. Deterministic for the same state, arguments and seed.
    /// </summary>
    public static SlotReservation Reserve(PacerState state, PacingRules rules, DateTimeOffset earliest, SendWindow window, TimeZoneInfo prospectZone, string seed)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(prospectZone);
        EnsureUsable(rules);
        SendWindows.EnsureUsable(window);

        var spacing = rules.MinSpacing + ((rules.MaxSpacing - rules.MinSpacing) * SeededDraw.Unit("send-spacing", seed));
        var slots = Remembered(state, earliest - rules.MaxSpacing - Memory);
        var firstDay = MailboxDay(earliest, rules).AddDays(-1);
        var counts = state.ReservedPerDay.Where(d => d.Key >= firstDay).ToDictionary(d => d.Key, d => d.Value);

        var horizon = earliest + SearchHorizon;
        var capFullDays = new HashSet<DateOnly>();
        var at = earliest;

        // Every pass moves the candidate forward past a closed window, a full day or a reserved slot, so the
        // loop ends; the bound is a second guard.
        (DateTimeOffset Start, DateTimeOffset End) opening = default;
        for (var pass = 0; pass < 10_000 + (2 * slots.Count); pass++)
        {
            // Walking past a day's reserved slots stays inside one opening: look the window up only on leaving it.
            if (at < opening.Start || at >= opening.End)
            {
                at = SendWindows.NextOpening(at, window, prospectZone);
                if (at > horizon)
                {
                    break;
                }

                opening = SendWindows.OpeningContaining(at, window, prospectZone)!.Value;
            }

            var day = MailboxDay(at, rules);
            if (counts.GetValueOrDefault(day) >= rules.Plan.CapOn(day))
            {
                capFullDays.Add(day);
                at = SendWindows.ToInstant(day.AddDays(1).ToDateTime(TimeOnly.MinValue), rules.MailboxZone);
                continue;
            }

            // The reserved slot at or before the candidate must be a spacing behind it; the one after, MinSpacing ahead.
            var index = UpperBound(slots, at);
            if (index > 0 && at < slots[index - 1] + spacing)
            {
                at = slots[index - 1] + spacing;
                continue;
            }

            if (index < slots.Count && slots[index] - at < rules.MinSpacing)
            {
                at = slots[index] + spacing;
                continue;
            }

            slots.Insert(index, at);
            counts[day] = counts.GetValueOrDefault(day) + 1;
            var last = state.LastSlot is { } previous && previous > at ? previous : at;
            return new SlotReservation(at, new PacerState(last, counts, slots), null);
        }

        var reason = capFullDays.Count > 0
            ? $"no send slot within {SearchHorizon.TotalDays:0} days of {earliest:O}: the mailbox's daily cap was reached on {capFullDays.Count} day(s) and the prospect's window had no free time on the others"
            : $"no send slot within {SearchHorizon.TotalDays:0} days of {earliest:O}: the prospect's window had no free time";
        return new SlotReservation(null, state, reason);
    }

    /// <summary>Gives a reserved slot back (its send was cancelled), so its day's count and its gap are free again.</summary>
    public static PacerState Release(PacerState state, PacingRules rules, DateTimeOffset slot)
    {
        ArgumentNullException.ThrowIfNull(state);
        EnsureUsable(rules);
        var slots = Remembered(state, DateTimeOffset.MinValue);
        var index = slots.IndexOf(slot);
        if (index < 0)
        {
            return state;
        }

        slots.RemoveAt(index);
        var counts = state.ReservedPerDay.ToDictionary(d => d.Key, d => d.Value);
        var day = MailboxDay(slot, rules);
        if (counts.TryGetValue(day, out var count))
        {
            if (count > 1)
            {
                counts[day] = count - 1;
            }
            else
            {
                counts.Remove(day);
            }
        }

        return new PacerState(slots.Count > 0 ? slots[^1] : null, counts, slots);
    }

    /// <summary>The mailbox's calendar day at an instant: what its daily cap counts.</summary>
    public static DateOnly MailboxDay(DateTimeOffset at, PacingRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return SendWindows.LocalDate(at, rules.MailboxZone);
    }

    private static List<DateTimeOffset> Remembered(PacerState state, DateTimeOffset from)
    {
        var slots = new List<DateTimeOffset>(state.Slots.Count + 1);
        slots.AddRange(state.Slots.Where(s => s >= from));

        // A state written before slots were kept knows only its last one.
        if (state.LastSlot is { } last && last >= from && !slots.Contains(last))
        {
            slots.Add(last);
        }

        slots.Sort();
        return slots;
    }

    /// <summary>The index of the first slot after <paramref name="at"/>.</summary>
    private static int UpperBound(List<DateTimeOffset> slots, DateTimeOffset at)
    {
        int low = 0, high = slots.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (slots[middle] <= at)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static void EnsureUsable(PacingRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(rules.Plan);
        ArgumentNullException.ThrowIfNull(rules.MailboxZone);
        if (rules.MinSpacing < TimeSpan.Zero || rules.MaxSpacing < rules.MinSpacing)
        {
            throw new ArgumentException($"Spacing must satisfy 0 ≤ min ≤ max (is {rules.MinSpacing} to {rules.MaxSpacing}).", nameof(rules));
        }
    }
}
