using SalesOS.Contracts.Diagnostics;
using SalesOS.Grains.Commands;
using SalesOS.Grains.Eventing;

namespace SalesOS.Grains.Diagnostics;

[GenerateSerializer]
[Alias("SalesOS.Diagnostics.ProbeState")]
public sealed class ProbeState
{
    [Id(0)] public string? Value { get; set; }
    [Id(1)] public int Writes { get; set; }
    [Id(2)] public DateTimeOffset? ReminderDueAt { get; set; }
    [Id(3)] public int RemindersFired { get; set; }
    [Id(4)] public DateTimeOffset? LastReminderFiredAt { get; set; }
    [Id(5)] public IdempotencyLog<ProbeSnapshot> AppliedCommands { get; set; } = new();
    [Id(6)] public OutboxState<ProbeWritten> Outbox { get; set; } = new();
}
