using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Placement;
using SalesOS.Contracts;
using SalesOS.Contracts.Diagnostics;
using SalesOS.Grains.Eventing;

namespace SalesOS.Grains.Diagnostics;

// Random placement spreads probes over every silo, so probing many ids exercises the whole cluster.
[RandomPlacement]
public sealed class ProbeGrain(
    [PersistentState("probe", StorageNames.Grains)] IPersistentState<ProbeState> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    TimeProvider runtimeClock,
    IOptions<ReminderOptions> reminderOptions,
    IOptions<EventDeliveryOptions> eventOptions,
    ILogger<ProbeGrain> logger) : Grain, IProbeGrain, IRemindable
{
    private const string DueReminderName = "probe-due";
    private Outbox<ProbeWritten> outbox = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(StreamIds.Provider)
            .GetStream<ProbeWritten>(StreamId.Create(StreamIds.ProbeEvents, this.GetPrimaryKeyString()));
        outbox = new Outbox<ProbeWritten>(this, state.State.Outbox, stream, runtimeClock, eventOptions.Value, logger);
        // Events persisted by an activation that died before publishing them go out now.
        await outbox.PublishAsync();
    }

    public Task<ProbeSnapshot> Get() => Task.FromResult(Snapshot());

    public async Task<ProbeSnapshot> Write(string value, string? idempotencyKey = null)
    {
        if (state.State.AppliedCommands.TryGet(idempotencyKey, out var earlier))
        {
            return earlier;
        }

        state.State.Value = value;
        state.State.Writes++;
        var id = this.GetPrimaryKeyString();
        var writes = state.State.Writes;
        outbox.Raise(sequence => new ProbeWritten(Guid.NewGuid(), id, sequence, writes, value, time.GetUtcNow()));
        var result = Snapshot();
        state.State.AppliedCommands.Record(idempotencyKey, result);
        await outbox.EnsureDrainScheduledAsync();
        await state.WriteStateAsync();
        await outbox.PublishAsync();
        return result;
    }

    public async Task<ProbeSnapshot> ScheduleReminder(TimeSpan dueIn)
    {
        // Orleans needs a period; the reminder is removed when it first fires, so the period only
        // matters if that removal fails, and then it retries no faster than the configured minimum.
        var period = dueIn > reminderOptions.Value.MinimumReminderPeriod ? dueIn : reminderOptions.Value.MinimumReminderPeriod;
        await this.RegisterOrUpdateReminder(DueReminderName, dueIn, period);
        state.State.ReminderDueAt = time.GetUtcNow() + dueIn;
        await state.WriteStateAsync();
        return Snapshot();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        switch (reminderName)
        {
            case Outbox<ProbeWritten>.ReminderName:
                await outbox.DrainAsync();

                break;
            case DueReminderName:
                await FireDueReminderAsync();
                break;
        }
    }

    private async Task FireDueReminderAsync()
    {
        // A tick repeated across a fail-over finds the reminder already handled.
        if (state.State.ReminderDueAt is not null)
        {
            state.State.RemindersFired++;
            state.State.LastReminderFiredAt = time.GetUtcNow();
            state.State.ReminderDueAt = null;
            await state.WriteStateAsync();
        }

        var reminder = await this.GetReminder(DueReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private ProbeSnapshot Snapshot() => new(
        this.GetPrimaryKeyString(),
        state.State.Value,
        state.State.Writes,
        state.State.ReminderDueAt,
        state.State.RemindersFired,
        state.State.LastReminderFiredAt,
        RuntimeIdentity);
}
