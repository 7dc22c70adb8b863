using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Placement;
using Orleans.Streams;
using SalesOS.Contracts;
using SalesOS.Contracts.Diagnostics;

namespace SalesOS.Grains.Diagnostics;

// Random placement spreads probes over every silo, so probing many ids exercises the whole cluster.
[RandomPlacement]
public sealed class ProbeGrain(
    [PersistentState("probe", StorageNames.Grains)] IPersistentState<ProbeState> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    IOptions<ReminderOptions> reminderOptions) : Grain, IProbeGrain, IRemindable
{
    private const string ReminderName = "probe-due";

    public Task<ProbeSnapshot> Get() => Task.FromResult(Snapshot());

    public async Task<ProbeSnapshot> Write(string value)
    {
        state.State.Value = value;
        state.State.Writes++;
        await state.WriteStateAsync();

        var stream = this.GetStreamProvider(StreamIds.Provider)
            .GetStream<ProbeWritten>(StreamId.Create(StreamIds.ProbeEvents, this.GetPrimaryKeyString()));
        await stream.OnNextAsync(new ProbeWritten(Guid.NewGuid(), this.GetPrimaryKeyString(), state.State.Writes, value, time.GetUtcNow()));
        return Snapshot();
    }

    public async Task<ProbeSnapshot> ScheduleReminder(TimeSpan dueIn)
    {
        // Orleans needs a period; the reminder is removed when it first fires, so the period only
        // matters if that removal fails, and then it retries no faster than the configured minimum.
        var period = dueIn > reminderOptions.Value.MinimumReminderPeriod ? dueIn : reminderOptions.Value.MinimumReminderPeriod;
        await this.RegisterOrUpdateReminder(ReminderName, dueIn, period);
        state.State.ReminderDueAt = time.GetUtcNow() + dueIn;
        await state.WriteStateAsync();
        return Snapshot();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        state.State.RemindersFired++;
        state.State.LastReminderFiredAt = time.GetUtcNow();
        state.State.ReminderDueAt = null;
        await state.WriteStateAsync();
        var reminder = await this.GetReminder(ReminderName);
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
