using SalesOS.Contracts.Domain;

namespace SalesOS.Contracts.Outreach;

/// <summary>What an inbound message is, as the email agent reads it.</summary>
public enum InboundKind
{
    /// <summary>A delivery failure report (RFC 3464 DSN, or a mail server's free-text equivalent).</summary>
    Bounce,

    /// <summary>A spam complaint from a feedback loop (RFC 5965 ARF abuse report).</summary>
    Complaint,

    /// <summary>Out of office / vacation notice, usually with a return date.</summary>
    OutOfOffice,

    /// <summary>Any other automatic answer (ticket systems, "we received your message"): never answered, never counted as a reply.</summary>
    AutoReply,

    /// <summary>A person wrote back; <see cref="InboundVerdict.ReplyKind"/> says what they meant.</summary>
    Reply,
}

/// <summary>A person a reply points to ("please talk to Jane, jane@acme.com, our VP Sales").</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.ReferralSuggestion")]
public sealed record ReferralSuggestion(
    [property: Id(0)] string? Email,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? Title);

/// <summary>How a bounce failed: hard (the address does not exist, never try again) or soft (try later), and why.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.BounceDetails")]
public sealed record BounceDetails(
    [property: Id(0)] bool Hard,
    [property: Id(1)] string Reason,
    [property: Id(2)] string? Status,
    [property: Id(3)] string? DiagnosticCode,
    [property: Id(4)] IReadOnlyList<string> Recipients);

/// <summary>
/// The email agent's reading of one inbound message, as it reaches the contact it concerns.
/// <see cref="MessageId"/> is the inbound message's own id (what makes recording it idempotent);
/// <see cref="InReplyTo"/> the SalesOS message it answers, when known.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.InboundVerdict")]
public sealed record InboundVerdict(
    [property: Id(0)] InboundKind Kind,
    [property: Id(1)] string MessageId,
    [property: Id(2)] string? InReplyTo,
    [property: Id(3)] DateTimeOffset ReceivedAt,
    [property: Id(4)] string From,
    [property: Id(5)] string? Subject,
    [property: Id(6)] string Reason,
    [property: Id(7)] double Confidence,
    [property: Id(8)] ReplyKind? ReplyKind = null,
    [property: Id(9)] string? ReplyText = null,
    [property: Id(10)] BounceDetails? Bounce = null,
    [property: Id(11)] DateOnly? ReturnDate = null,
    [property: Id(12)] ReferralSuggestion? Referral = null,
    [property: Id(13)] string ClassifiedBy = "offline");
