using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace SalesOS.Grains.Eventing;

/// <summary>
/// Publishes a grain's events at least once, in order, through an Orleans stream.
/// <list type="number">
/// <item>The grain raises an event with <see cref="Raise"/> while changing its state, and persists both together.</item>
/// <item><see cref="PublishAsync"/> then hands the new events to the stream.</item>
/// <item>A reminder (<see cref="ReminderName"/>) delivers each event again with growing spacing (see
///   <see cref="EventDeliveryOptions"/>) and then drops it; a new activation delivers everything still pending, so
///   an event written before a crash is still published.</item>
/// </list>
/// Consumers see an event twice or more and drop repeats by its sequence (<see cref="SequenceWindow"/>).
/// The clock is the runtime's (the one its reminders run on), not the domain clock: redelivery is
/// plumbing, and must keep moving when tests stop business time.
/// </summary>
public sealed class Outbox<TEvent>
{
    public const string ReminderName = "outbox-drain";

    private readonly IGrainBase grain;
    private readonly OutboxState<TEvent> state;
    private readonly IAsyncStream<TEvent> stream;
    private readonly TimeProvider time;
    private readonly EventDeliveryOptions options;
    private readonly ILogger logger;

    /// <summary>The outbox of a grain's loaded state; made on activation, it first forgets what is past redelivery (see <see cref="ForgetDelivered"/>).</summary>
    public Outbox(IGrainBase grain, OutboxState<TEvent> state, IAsyncStream<TEvent> stream, TimeProvider time, EventDeliveryOptions options, ILogger logger)
    {
        this.grain = grain;
        this.state = state;
        this.stream = stream;
        this.time = time;
        this.options = options;
        this.logger = logger;
        ForgetDelivered();
    }

    // Events of this activation already handed to the stream once; a new activation starts at 0 and
    // so republishes everything pending, which is what recovers the events of a crashed silo.
    private long publishedUpTo;

    // Redeliveries done by this activation, by sequence. Kept in memory: counting them durably would
    // cost a write per tick, and a new activation starting the count again only adds repeats.
    private readonly Dictionary<long, int> redelivered = [];

    public bool HasPending => state.Pending.Count > 0;

    /// <summary>
    /// Forgets, on activation, the events whose redeliveries are all past: dropping a delivered event is
    /// never written on its own (it would cost a state write per event burst); the next write or the
    /// next activation does it. When nothing is left, the drain reminder is known to be gone or harmless.
    /// </summary>
    private void ForgetDelivered()
    {
        var now = time.GetUtcNow();
        var window = options.RedeliveryDelay * ((1 << options.Redeliveries) - 1);
        state.Pending.RemoveAll(e => e.RaisedAt + window <= now);
        if (state.Pending.Count == 0)
        {
            // A reminder left over from before only finds nothing to do and unregisters itself.
            state.DrainReminderRegistered = false;
        }
    }

    /// <summary>Adds an event numbered with the next sequence. Persist the grain state before <see cref="PublishAsync"/>.</summary>
    public TEvent Raise(Func<long, TEvent> create)
    {
        var sequence = ++state.LastSequence;
        var @event = create(sequence);
        state.Pending.Add(new OutboxEntry<TEvent>(sequence, @event, time.GetUtcNow()));
        return @event;
    }

    /// <summary>
    /// Registers the drain reminder when there are pending events and it is not registered yet. Call it
    /// before persisting the state that holds the new events: the reminder then exists whenever they do.
    /// </summary>
    public async Task EnsureDrainScheduledAsync()
    {
        if (HasPending && !state.DrainReminderRegistered)
        {
            await grain.RegisterOrUpdateReminder(ReminderName, options.RedeliveryDelay, options.RedeliveryDelay);
            state.DrainReminderRegistered = true;
        }
    }

    /// <summary>Publishes, in order, the pending events this activation has not published yet. Stops at the first failure; the reminder retries.</summary>
    public async Task PublishAsync()
    {
        foreach (var entry in state.Pending)
        {
            if (entry.Sequence <= publishedUpTo)
            {
                continue;
            }

            try
            {
                await stream.OnNextAsync(entry.Event);
                publishedUpTo = entry.Sequence;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Publishing event {Sequence} of {Grain} failed; the outbox retries it", entry.Sequence, grain.GrainContext.GrainId);
                return;
            }
        }
    }

    /// <summary>
    /// The drain reminder's tick: delivers again the events whose next redelivery is due, drops those
    /// redelivered often enough, and unregisters the reminder once nothing is pending. Dropping changes
    /// the state only in memory: the next write or the next activation persists it (see
    /// <see cref="ForgetDelivered"/>), so a tick never costs a state write.
    /// </summary>
    public async Task DrainAsync()
    {
        await PublishAsync();
        var now = time.GetUtcNow();
        foreach (var entry in state.Pending)
        {
            var done = redelivered.GetValueOrDefault(entry.Sequence);
            // Redelivery n is due at RaisedAt + delay * (2^n - 1): after 1, 3, 7, ... delays.
            var dueAt = entry.RaisedAt + (options.RedeliveryDelay * ((1 << (done + 1)) - 1));
            if (entry.Sequence > publishedUpTo || dueAt > now)
            {
                continue;
            }

            try
            {
                await stream.OnNextAsync(entry.Event);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Redelivering event {Sequence} of {Grain} failed; the next tick retries it", entry.Sequence, grain.GrainContext.GrainId);
                break;
            }

            redelivered[entry.Sequence] = done + 1;
        }

        var finished = state.Pending.Where(e => redelivered.GetValueOrDefault(e.Sequence) >= options.Redeliveries).ToList();
        foreach (var entry in finished)
        {
            state.Pending.Remove(entry);
            redelivered.Remove(entry.Sequence);
        }

        if (state.Pending.Count == 0)
        {
            var reminder = await grain.GetReminder(ReminderName);
            if (reminder is not null)
            {
                await grain.UnregisterReminder(reminder);
            }

            state.DrainReminderRegistered = false;
        }
    }
}
