namespace SalesOS.Contracts.Diagnostics;

/// <summary>
/// A small persisted grain that proves the plumbing end to end: durable state, durable reminders and
/// a stream with a persisted subscriber. Operators can call it through the REST gateway to check a
/// cluster; tests use it to check every storage profile.
/// </summary>
[Alias("SalesOS.Diagnostics.IProbeGrain")]
public interface IProbeGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<ProbeSnapshot> Get();

    /// <summary>
    /// Stores a value (persisted before returning) and publishes <see cref="ProbeWritten"/>. A write that
    /// repeats an <paramref name="idempotencyKey"/> seen before changes nothing and returns the current state.
    /// </summary>
    [Alias("Write")]
    Task<ProbeSnapshot> Write(string value, string? idempotencyKey = null);

    /// <summary>Registers a durable reminder that fires once after <paramref name="dueIn"/>.</summary>
    [Alias("ScheduleReminder")]
    Task<ProbeSnapshot> ScheduleReminder(TimeSpan dueIn);
}

[GenerateSerializer, Immutable]
[Alias("SalesOS.Diagnostics.ProbeSnapshot")]
public sealed record ProbeSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Value,
    [property: Id(2)] int Writes,
    [property: Id(3)] DateTimeOffset? ReminderDueAt,
    [property: Id(4)] int RemindersFired,
    [property: Id(5)] DateTimeOffset? LastReminderFiredAt,
    [property: Id(6)] string Silo);

/// <summary>
/// Published on <see cref="StreamIds.ProbeEvents"/> after each accepted write, at least once:
/// <see cref="Sequence"/> numbers a probe's events from 1 so consumers can drop repeats.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Diagnostics.ProbeWritten")]
public sealed record ProbeWritten(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] string ProbeId,
    [property: Id(2)] long Sequence,
    [property: Id(3)] int Write,
    [property: Id(4)] string Value,
    [property: Id(5)] DateTimeOffset At);
