using SalesOS.Contracts.Outreach;

namespace SalesOS.Grains.Contacts;

/// <summary>How far the step being worked on got with its channel agent.</summary>
public enum StepPhase
{
    /// <summary>Handed to the agent; no answer yet.</summary>
    Dispatched,

    /// <summary>The agent said it is handing the message to its transport now (the send record of exactly-once).</summary>
    HandingOff,

    /// <summary>A rep's task is open for it.</summary>
    AwaitingTask,
}

/// <summary>The step being worked on: which one, under which send id, how far it got.</summary>
[GenerateSerializer]
[Alias("SalesOS.Contacts.PendingStep")]
public sealed class PendingStep
{
    [Id(0)] public int Index { get; set; }

    [Id(1)] public string SendId { get; set; } = "";

    [Id(2)] public OutreachChannel Channel { get; set; }

    [Id(3)] public string? VariantId { get; set; }

    [Id(4)] public StepPhase Phase { get; set; }

    [Id(5)] public DateTimeOffset Since { get; set; }

    [Id(6)] public string? Sender { get; set; }

    [Id(7)] public string? MessageId { get; set; }

    /// <summary>Times the step was handed to its agent (re-dispatches after a silent agent count too).</summary>
    [Id(8)] public int Dispatches { get; set; }

    [Id(9)] public string? Note { get; set; }

    [Id(10)] public string? TaskId { get; set; }

    [Id(11)] public DateOnly? TaskDueOn { get; set; }

    /// <summary>The send window of the step, in the prospect's zone (the agent's slot must fall inside it).</summary>
    [Id(12)] public SendWindow? Window { get; set; }

    /// <summary>When a deferred step is handed over again (its agent asked for then).</summary>
    [Id(13)] public DateTimeOffset? RetryAt { get; set; }
}

/// <summary>A contact's run through one sequence, persisted in the contact's state.</summary>
[GenerateSerializer]
[Alias("SalesOS.Contacts.EnrollmentRecord")]
public sealed class EnrollmentRecord
{
    [Id(0)] public string Id { get; set; } = "";

    [Id(1)] public string SequenceId { get; set; } = "";

    [Id(2)] public string? MarketId { get; set; }

    [Id(3)] public EnrollmentStatus Status { get; set; }

    /// <summary>Index (0-based) of the next step to run.</summary>
    [Id(4)] public int NextStep { get; set; }

    [Id(5)] public DateTimeOffset? NextStepAt { get; set; }

    [Id(6)] public string TimeZone { get; set; } = "UTC";

    [Id(7)] public string TimeZoneSource { get; set; } = "";

    [Id(8)] public DateTimeOffset EnrolledAt { get; set; }

    [Id(9)] public string? StatusReason { get; set; }

    [Id(10)] public DateTimeOffset? PausedUntil { get; set; }

    [Id(11)] public List<OutreachChannel> Channels { get; set; } = [];

    /// <summary>The mailbox the first email went from: follow-ups come from the same sender, in its thread.</summary>
    [Id(12)] public string? Sender { get; set; }

    [Id(13)] public string? ThreadMessageId { get; set; }

    [Id(14)] public string? ThreadSubject { get; set; }

    [Id(15)] public List<StepRun> Steps { get; set; } = [];

    [Id(16)] public PendingStep? Pending { get; set; }

    [Id(17)] public int SoftBounces { get; set; }

    [Id(18)] public int StepCount { get; set; }

    /// <summary>When the last step ran (or the enrolment began): the next step's delay counts from here.</summary>
    [Id(19)] public DateTimeOffset LastStepAt { get; set; }

    public bool Opened => Steps.Any(s => s.OpenedAt is not null);

    public bool Clicked => Steps.Any(s => s.ClickedAt is not null);

    public bool Replied => Steps.Any(s => s.RepliedAt is not null);

    public bool IsRunning => Status is EnrollmentStatus.Active or EnrollmentStatus.Paused;

    public EnrollmentSnapshot Snapshot() => new(
        Id, SequenceId, MarketId, Status, NextStep + 1, StepCount, NextStepAt, TimeZone, TimeZoneSource, EnrolledAt, StatusReason,
        PausedUntil, Steps.ToList(), Channels.ToList(),
        Pending is null ? null : new PendingStepView(Pending.Index + 1, Pending.Channel, Pending.SendId, Pending.Phase.ToString(), Pending.Since, Pending.Sender, Pending.Note),
        Sender, ThreadMessageId);
}
