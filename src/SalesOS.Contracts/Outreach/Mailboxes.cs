using SalesOS.Contracts.Domain;

namespace SalesOS.Contracts.Outreach;

public enum MailboxStatus
{
    Active,

    /// <summary>Paused by a person, or automatically because its bounce or complaint rate crossed a threshold.</summary>
    Paused,
}

public enum MailboxTrigger
{
    Pause,
    Resume,
}

/// <summary>What happened to a message after it left, as the mailbox's health counts it.</summary>
public enum DeliveryEvent
{
    Sent,
    HardBounce,
    SoftBounce,
    Complaint,
}

/// <summary>A request for the mailbox's next free send slot at or after <see cref="Earliest"/>, inside the prospect's window.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.SlotRequest")]
public sealed record SlotRequest(
    [property: Id(0)] string SendId,
    [property: Id(1)] DateTimeOffset Earliest,
    [property: Id(2)] SendWindow Window,
    [property: Id(3)] string ProspectTimeZone);

/// <summary>The mailbox's answer: a slot, or why it has none (paused, caps full for as far as it looks).</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.SlotAnswer")]
public sealed record SlotAnswer(
    [property: Id(0)] DateTimeOffset? Slot,
    [property: Id(1)] string? Refusal);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.MailboxHealthView")]
public sealed record MailboxHealthView(
    [property: Id(0)] int SentInWindow,
    [property: Id(1)] int HardBounces,
    [property: Id(2)] int SoftBounces,
    [property: Id(3)] int Complaints,
    [property: Id(4)] double BounceRate,
    [property: Id(5)] double ComplaintRate,
    [property: Id(6)] string Summary);

/// <summary>A sending mailbox as operators see it: where it sends, its caps today, its health and its reader.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.MailboxSnapshot")]
public sealed record MailboxSnapshot(
    [property: Id(0)] string WorkspaceId,
    [property: Id(1)] string Address,
    [property: Id(2)] string? DisplayName,
    [property: Id(3)] string Transport,
    [property: Id(4)] bool WritesToOutbox,
    [property: Id(5)] MailboxStatus Status,
    [property: Id(6)] string? StatusReason,
    [property: Id(7)] int CapToday,
    [property: Id(8)] int ReservedToday,
    [property: Id(9)] DateTimeOffset? LastSlot,
    [property: Id(10)] MailboxHealthView Health,
    [property: Id(11)] string Inbox,
    [property: Id(12)] string? InboxMode,
    [property: Id(13)] DateTimeOffset? LastReadAt,
    [property: Id(14)] string? LastReadError,
    [property: Id(15)] long MessagesRead,
    [property: Id(16)] string Dkim,
    [property: Id(17)] long Sent);

/// <summary>
/// One sending mailbox of a workspace, keyed "{workspaceId}/{address}": hands out send slots (daily cap,
/// warm-up ramp, human-like spacing), keeps its bounce and complaint health (pausing itself above the
/// thresholds), and reads its inbox for replies, bounces and auto-replies.
/// </summary>
[Alias("SalesOS.Outreach.IMailboxGrain")]
public interface IMailboxGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<MailboxSnapshot> Get();

    /// <summary>Reserves the next free slot for a send (the same send asking again gets its slot back).</summary>
    [Alias("Reserve")]
    Task<SlotAnswer> Reserve(SlotRequest request);

    /// <summary>Counts a delivery event for the health rates; <paramref name="key"/> makes it idempotent.</summary>
    [Alias("RecordDelivery")]
    Task RecordDelivery(DeliveryEvent delivery, string key, DateTimeOffset at);

    [Alias("Transition")]
    Task<MailboxSnapshot> Transition(MailboxTrigger trigger, CommandContext context);

    /// <summary>Makes sure the inbox is being read (called by the mailbox's own reminder and when a silo starts).</summary>
    [Alias("KeepReading")]
    Task KeepReading();

    /// <summary>The newest messages the offline default wrote to its outbox folder (empty for a real mailbox).</summary>
    [Alias("ListOutbox")]
    Task<IReadOnlyList<OutboxMessage>> ListOutbox(int limit);
}

/// <summary>One message the offline default wrote instead of sending it.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.OutboxMessage")]
public sealed record OutboxMessage(
    [property: Id(0)] string File,
    [property: Id(1)] string? MessageId,
    [property: Id(2)] string From,
    [property: Id(3)] string To,
    [property: Id(4)] string Subject,
    [property: Id(5)] DateTimeOffset? Date,
    [property: Id(6)] long Bytes,
    [property: Id(7)] string? TextPreview);

/// <summary>Which mailboxes each workspace sends from (configuration, or the offline default).</summary>
[Alias("SalesOS.Outreach.IOutreachDirectoryGrain")]
public interface IOutreachDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Mailboxes")]
    Task<IReadOnlyList<MailboxSnapshot>> Mailboxes(string workspaceId);
}
