using SalesOS.Contracts.Domain;

namespace SalesOS.Contracts.Outreach;

/// <summary>Where a contact's run through a sequence stands.</summary>
public enum EnrollmentStatus
{
    /// <summary>Waiting for its next step, or running it.</summary>
    Active,

    /// <summary>Paused by a person, or until an out-of-office return date.</summary>
    Paused,

    /// <summary>Ended early: a reply, a meeting, an unsubscribe, a bounce, or someone stopped it.</summary>
    Stopped,

    /// <summary>Every step ran.</summary>
    Completed,
}

public enum EnrollmentTrigger
{
    Pause,
    PauseUntil,
    Resume,
    Stop,
    Complete,
}

/// <summary>What happened to one step of an enrolment.</summary>
public enum StepOutcome
{
    /// <summary>Handed to the mail server, SMS provider or call provider.</summary>
    Sent,

    /// <summary>Possibly sent before a crash and not verifiable: never sent again, shown for a person to check.</summary>
    SentUnverified,

    /// <summary>The step's condition did not hold (e.g. "only if opened") or the channel cannot reach the contact.</summary>
    Skipped,

    /// <summary>Refused for good (address rejected, number invalid, template broken).</summary>
    Failed,

    /// <summary>A rep's task (LinkedIn, a call without a voice provider) was created and is open.</summary>
    TaskCreated,

    /// <summary>The rep did the task.</summary>
    TaskDone,

    /// <summary>The rep skipped the task, or it expired.</summary>
    TaskSkipped,

    /// <summary>The message came back (bounce); soft bounces are retried once.</summary>
    Bounced,

    /// <summary>Only in a report: not taken this time (no free send slot, provider throttling, settings missing); runs again at its RetryAt.</summary>
    Deferred,
}

/// <summary>Enrols a contact in a sequence. The time zone comes from the company's location unless overridden (IANA id).</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.EnrollmentRequest")]
public sealed record EnrollmentRequest(
    [property: Id(0)] string SequenceId,
    [property: Id(1)] string? MarketId = null,
    [property: Id(2)] IReadOnlyList<OutreachChannel>? Channels = null,
    [property: Id(3)] string? TimeZone = null,
    [property: Id(4)] string? Country = null,
    [property: Id(5)] string? Region = null,
    [property: Id(6)] string? City = null);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.EnrollmentChange")]
public sealed record EnrollmentChange(
    [property: Id(0)] EnrollmentTrigger Trigger,
    [property: Id(1)] string? Reason = null,
    [property: Id(2)] DateTimeOffset? Until = null);

/// <summary>One step as it ran (or is running): the message id for emails, engagement seen on it.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.StepRun")]
public sealed record StepRun(
    [property: Id(0)] int Step,
    [property: Id(1)] OutreachChannel Channel,
    [property: Id(2)] string SendId,
    [property: Id(3)] string? VariantId,
    [property: Id(4)] StepOutcome Outcome,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] string Detail,
    [property: Id(7)] string? MessageId = null,
    [property: Id(8)] string? Sender = null,
    [property: Id(9)] DateTimeOffset? OpenedAt = null,
    [property: Id(10)] DateTimeOffset? ClickedAt = null,
    [property: Id(11)] DateTimeOffset? RepliedAt = null,
    [property: Id(12)] string? ProviderId = null,
    [property: Id(13)] ReplyKind? ReplyKind = null);

/// <summary>The step being worked on now, if any, and how far it got.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.PendingStepView")]
public sealed record PendingStepView(
    [property: Id(0)] int Step,
    [property: Id(1)] OutreachChannel Channel,
    [property: Id(2)] string SendId,
    [property: Id(3)] string Phase,
    [property: Id(4)] DateTimeOffset Since,
    [property: Id(5)] string? Sender,
    [property: Id(6)] string? Note);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.EnrollmentSnapshot")]
public sealed record EnrollmentSnapshot(
    [property: Id(0)] string EnrollmentId,
    [property: Id(1)] string SequenceId,
    [property: Id(2)] string? MarketId,
    [property: Id(3)] EnrollmentStatus Status,
    [property: Id(4)] int NextStep,
    [property: Id(5)] int StepCount,
    [property: Id(6)] DateTimeOffset? NextStepAt,
    [property: Id(7)] string TimeZone,
    [property: Id(8)] string TimeZoneSource,
    [property: Id(9)] DateTimeOffset EnrolledAt,
    [property: Id(10)] string? StatusReason,
    [property: Id(11)] DateTimeOffset? PausedUntil,
    [property: Id(12)] IReadOnlyList<StepRun> Steps,
    [property: Id(13)] IReadOnlyList<OutreachChannel> Channels,
    [property: Id(14)] PendingStepView? Pending,
    [property: Id(15)] string? Sender,
    [property: Id(16)] string? ThreadMessageId);

/// <summary>An open or a click seen by the gateway's tracking endpoints, already verified and judged.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.EngagementTouch")]
public sealed record EngagementTouch(
    [property: Id(0)] string SendId,
    [property: Id(1)] TouchType Type,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] bool ByMachine,
    [property: Id(4)] string Detail,
    [property: Id(5)] string? Url = null);

/// <summary>What a channel provider reported about a step after it was sent: an SMS delivered or failed, a call answered or not, its recording.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.ChannelEvent")]
public sealed record ChannelEvent(
    [property: Id(0)] string SendId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Detail,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string ProviderId,
    [property: Id(5)] bool Connected = false);

public enum TouchType
{
    Open,
    Click,
    PageVisit,
}

/// <summary>
/// How a channel step ended, as its agent reports it to the contact. For <see cref="StepOutcome.Deferred"/>,
/// <see cref="RetryAt"/> is when the step runs again; for <see cref="StepOutcome.TaskCreated"/>, the task's due day.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.StepReport")]
public sealed record StepReport(
    [property: Id(0)] string SendId,
    [property: Id(1)] StepOutcome Outcome,
    [property: Id(2)] string Detail,
    [property: Id(3)] DateTimeOffset? RetryAt = null,
    [property: Id(4)] string? MessageId = null,
    [property: Id(5)] string? Sender = null,
    [property: Id(6)] string? ProviderId = null,
    [property: Id(7)] string? Subject = null,
    [property: Id(8)] decimal Cost = 0,
    /// <summary>For a deferral after the hand-off began: the transport may have taken it (a timeout), so the next try reconciles first.</summary>
    [property: Id(9)] bool MayHaveSent = false);

/// <summary>What the contact answers an agent about to hand a step's message to its transport.</summary>
public enum HandOffPermit
{
    /// <summary>Hand it over now; the contact has recorded that it is being handed over.</summary>
    Go,

    /// <summary>An earlier try may have handed it over before a crash: look for the sent copy before anything else.</summary>
    Reconcile,

    /// <summary>It is already sent (or the step moved on): do nothing.</summary>
    AlreadyDone,

    /// <summary>The contact can no longer be reached (suppressed, stopped): do not send.</summary>
    Refused,
}

/// <summary>A rep's task: a LinkedIn action, a call to make by hand, or a reply to follow up.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.RepTask")]
public sealed record RepTask(
    [property: Id(0)] string TaskId,
    [property: Id(1)] string WorkspaceId,
    [property: Id(2)] string Queue,
    [property: Id(3)] string ContactIdentity,
    [property: Id(4)] string? ContactName,
    [property: Id(5)] string? CompanyDomain,
    [property: Id(6)] string Action,
    [property: Id(7)] string Instructions,
    [property: Id(8)] DateOnly DueOn,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] string Status,
    [property: Id(11)] DateTimeOffset? ClosedAt = null,
    [property: Id(12)] string? Note = null,
    [property: Id(13)] string? LinkedInUrl = null,
    [property: Id(14)] string? Phone = null,
    [property: Id(15)] string? Owner = null,
    /// <summary>The sequence step the task stands for (closing it moves the sequence on); null for a follow-up.</summary>
    [property: Id(16)] string? SendId = null);

/// <summary>
/// The outreach side of a contact (the same grain as <see cref="Contacts.IContactGrain"/>, keyed the same way):
/// its enrolment in a sequence, the steps' delivery protocol with the channel agents, and what came back.
/// </summary>
[Alias("SalesOS.Outreach.IContactOutreachGrain")]
public interface IContactOutreachGrain : IGrainWithStringKey
{
    [Alias("GetEnrollment")]
    Task<EnrollmentSnapshot?> GetEnrollment();

    /// <summary>Enrols the contact (Scored → Enrolled) and schedules the first step. Refused for a suppressed or unreachable contact.</summary>
    [Alias("Enroll")]
    Task<EnrollmentSnapshot> Enroll(EnrollmentRequest request, CommandContext context);

    /// <summary>Pauses, resumes or stops the enrolment; an illegal change is a TransitionRefusedException.</summary>
    [Alias("ChangeEnrollment")]
    Task<EnrollmentSnapshot> ChangeEnrollment(EnrollmentChange change, CommandContext context);

    /// <summary>An agent is about to hand the step's message over; answers whether to.</summary>
    [Alias("BeginHandOff")]
    Task<HandOffPermit> BeginHandOff(string sendId, string messageId, string sender);

    /// <summary>An agent reports how the step went (or asks for it again later).</summary>
    [Alias("ReportStep")]
    Task<EnrollmentSnapshot?> ReportStep(StepReport report, CommandContext context);

    [Alias("RecordTouch")]
    Task RecordTouch(EngagementTouch touch, CommandContext context);

    /// <summary>A provider's report on a sent SMS or a placed call (delivery, answer, recording), kept on the timeline.</summary>
    [Alias("RecordChannelEvent")]
    Task RecordChannelEvent(ChannelEvent channelEvent, CommandContext context);

    /// <summary>An unsubscribe link, a one-click unsubscribe or a STOP text: out of every sequence and suppressed at once. False when already unsubscribed.</summary>
    [Alias("Unsubscribe")]
    Task<bool> Unsubscribe(string how, CommandContext context);

    /// <summary>A classified inbound message about this contact: a reply, a bounce, an auto-reply, a complaint.</summary>
    [Alias("RecordInbound")]
    Task<EnrollmentSnapshot?> RecordInbound(InboundVerdict verdict, CommandContext context);
}
