using SalesOS.Contracts.Domain;
using SalesOS.Grains.Commands;
using SalesOS.Grains.Eventing;

namespace SalesOS.Grains.Entities;

/// <summary>What every entity grain's persisted record carries besides its business fields.</summary>
public interface IEntityRecord<TSnapshot, TEvent>
{
    long Version { get; set; }

    DateTimeOffset UpdatedAt { get; set; }

    List<Activity> Timeline { get; }

    IdempotencyLog<TSnapshot> AppliedCommands { get; }

    OutboxState<TEvent> Outbox { get; }
}

/// <summary>
/// The one way an entity grain accepts a change: bump the version, append the activity to the
/// timeline, raise the event into the outbox, remember the answer under the idempotency key, persist
/// all of it in one write, then publish.
/// </summary>
public static class EntityChanges
{
    public static async Task<TSnapshot> AcceptAsync<TSnapshot, TEvent>(
        IEntityRecord<TSnapshot, TEvent> record,
        Func<Task> persist,
        Outbox<TEvent> outbox,
        Activity activity,
        CommandContext context,
        Func<TSnapshot> snapshot,
        Func<long, TSnapshot, TEvent> raise)
    {
        record.Version++;
        record.UpdatedAt = activity.At;
        record.Timeline.Add(activity);
        var result = snapshot();
        outbox.Raise(sequence => raise(sequence, result));
        record.AppliedCommands.Record(context.IdempotencyKey, result);
        await outbox.EnsureDrainScheduledAsync();
        await persist();
        await outbox.PublishAsync();
        return result;
    }
}
