namespace SalesOS.Grains.Eventing;

/// <summary>
/// The events a grain has accepted but may not have delivered yet, persisted in the same write as the
/// state change that raised them: a crash between the write and the publish loses nothing.
/// </summary>
[GenerateSerializer]
[Alias("SalesOS.Eventing.OutboxState`1")]
public sealed class OutboxState<TEvent>
{
    /// <summary>Sequence of the last event raised; consumers use it to drop redeliveries.</summary>
    [Id(0)] public long LastSequence { get; set; }

    /// <summary>Events still to be redelivered before they are forgotten, oldest first.</summary>
    [Id(1)] public List<OutboxEntry<TEvent>> Pending { get; set; } = [];

    /// <summary>Whether the drain reminder is registered (it is whenever <see cref="Pending"/> is not empty).</summary>
    [Id(2)] public bool DrainReminderRegistered { get; set; }
}

[GenerateSerializer, Immutable]
[Alias("SalesOS.Eventing.OutboxEntry`1")]
public sealed record OutboxEntry<TEvent>(
    [property: Id(0)] long Sequence,
    [property: Id(1)] TEvent Event,
    [property: Id(2)] DateTimeOffset RaisedAt);
