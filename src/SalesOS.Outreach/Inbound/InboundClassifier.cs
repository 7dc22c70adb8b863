using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MimeKit;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;
using SalesOS.Outreach.Ports;

namespace SalesOS.Outreach.Inbound;

/// <summary>
/// The email agent's one entry point for inbound mail: complaint, then bounce, then automatic answer
/// (out-of-office or other), then a person's reply with its intent. Never throws on what it is given: a
/// message it cannot read becomes a low-confidence Reply/Other verdict that says why.
/// </summary>
/// <param name="intents">The configured intent classifier (an LLM one); the offline classifier when absent or when it fails.</param>
public sealed class InboundClassifier(IReplyIntentClassifier? intents = null)
{
    private static readonly OfflineReplyClassifier Offline = new();

    public async Task<InboundVerdict> ClassifyAsync(MimeMessage message, DateTimeOffset receivedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            return await ClassifyMessageAsync(message, receivedAt, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Unreadable(message, receivedAt, e);
        }
    }

    /// <summary>Parses raw bytes (mbox "From " lines, bare CR, CRLF all accepted) and classifies them.</summary>
    public async Task<InboundVerdict> ClassifyAsync(ReadOnlyMemory<byte> raw, DateTimeOffset receivedAt, CancellationToken ct)
    {
        MimeMessage message;
        try
        {
            message = InboundMessages.Parse(raw.Span);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var id = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw.Span));
            return new InboundVerdict(InboundKind.Reply, id, null, receivedAt, string.Empty, null, $"unparseable message: {e.GetType().Name}: {e.Message}", 0.05, ReplyKind.Other);
        }

        return await ClassifyAsync(message, receivedAt, ct);
    }

    /// <summary>
    /// Every id this message may answer or report on, most telling first: In-Reply-To, References from the
    /// last (the direct parent) to the first, then the ids of the original a bounce or complaint returns.
    /// </summary>
    public static IReadOnlyList<string> ReferencedMessageIds(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            return ReferencedIds(message, InboundReport.Read(message), includeReported: true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [];
        }
    }

    private async Task<InboundVerdict> ClassifyMessageAsync(MimeMessage message, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var report = InboundReport.Read(message);
        var messageId = OwnMessageId(message);
        var from = Sender(message);
        var subject = Safe(() => MailText.Subject(message));

        if (DeliveryReports.ReadComplaint(report) is { } complaint)
        {
            var inReplyTo = FirstOrNull(ReferencedIds(message, report, includeReported: true));
            var who = complaint.Recipients.Count > 0 ? $" about {string.Join(", ", complaint.Recipients)}" : string.Empty;
            var agent = complaint.UserAgent is null ? string.Empty : $" ({complaint.UserAgent})";
            return new InboundVerdict(InboundKind.Complaint, messageId, inReplyTo, receivedAt, from, subject,
                $"feedback report: {complaint.FeedbackType}{who}{agent}", 0.97);
        }

        if (DeliveryReports.ReadBounce(report) is { } bounce)
        {
            var inReplyTo = FirstOrNull(ReferencedIds(message, report, includeReported: true));
            var severity = bounce.Hard ? "hard" : "soft";
            var status = bounce.Status is null ? string.Empty : $" {bounce.Status}";
            var confidence = bounce.Source == "free-text" ? (bounce.Reason is BounceReasons.OnHold or BounceReasons.Undefined ? 0.7 : 0.85) : 0.97;
            return new InboundVerdict(InboundKind.Bounce, messageId, inReplyTo, receivedAt, from, subject,
                $"{severity} bounce: {bounce.Reason}{status} by {bounce.Evidence} ({bounce.Source})", confidence, Bounce: bounce.ToDetails());
        }

        var body = AutoReplies.SafeBody(message);
        var answered = FirstOrNull(ReferencedIds(message, report, includeReported: false));
        if (AutoReplies.Read(message, receivedAt, body) is { } auto)
        {
            var stripped = ReplyText.Strip(body);
            var referral = auto.DepartureNotice ? Referrals.Find(stripped, string.Empty) : null;
            return new InboundVerdict(auto.OutOfOffice ? InboundKind.OutOfOffice : InboundKind.AutoReply, messageId, answered, receivedAt, from, subject,
                auto.Reason, auto.Confidence, auto.OutOfOffice ? ReplyKind.OutOfOffice : null, NullIfEmpty(stripped), ReturnDate: auto.ReturnDate,
                Referral: WithoutSender(referral, from));
        }

        var replyText = ReplyText.Strip(body);
        var said = ReplyText.StripSignature(body);
        var (intent, classifiedBy) = await IntentAsync(said.Length > 0 ? said : replyText, subject, receivedAt, ct);
        return new InboundVerdict(InboundKind.Reply, messageId, answered, receivedAt, from, subject, intent.Reason, intent.Confidence,
            intent.Kind, replyText, ReturnDate: intent.ReturnDate, Referral: WithoutSender(intent.Referral, from), ClassifiedBy: classifiedBy);
    }

    private async Task<(ReplyIntent Intent, string ClassifiedBy)> IntentAsync(string text, string? subject, DateTimeOffset receivedAt, CancellationToken ct)
    {
        if (intents is not null && intents is not OfflineReplyClassifier)
        {
            try
            {
                return (await intents.ClassifyAsync(text, subject, receivedAt, ct), intents.Name);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var fallback = await Offline.ClassifyAsync(text, subject, receivedAt, ct);
                return (fallback, $"offline ({intents.Name} failed: {e.GetType().Name})");
            }
        }

        return (await Offline.ClassifyAsync(text, subject, receivedAt, ct), Offline.Name);
    }

    private static List<string> ReferencedIds(MimeMessage message, InboundReport report, bool includeReported)
    {
        var ids = new List<string>();
        void Add(string? id)
        {
            id = id?.Trim().Trim('<', '>').Trim();
            if (!string.IsNullOrEmpty(id) && !ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        Add(Safe(() => message.InReplyTo));
        var references = Safe(() => message.References?.ToList()) ?? [];
        for (var i = references.Count - 1; i >= 0; i--)
        {
            Add(references[i]);
        }

        if (includeReported)
        {
            foreach (var id in report.OriginalMessageIds())
            {
                Add(id);
            }
        }

        return ids;
    }

    /// <summary>The inbound message's own id; without one, a stable hash of its raw headers.</summary>
    internal static string OwnMessageId(MimeMessage message)
    {
        var id = Safe(() => message.MessageId);
        if (!string.IsNullOrWhiteSpace(id))
        {
            return id;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var header in message.Headers)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(header.Field));
            hash.AppendData(":"u8);
            hash.AppendData(header.RawValue ?? []);
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Sender(MimeMessage message)
    {
        var from = Safe(() => message.From.Mailboxes.FirstOrDefault()?.Address)
            ?? Safe(() => message.Sender?.Address)
            ?? Safe(() => message.Headers[HeaderId.ReturnPath])?.Trim('<', '>', ' ');
        return from ?? string.Empty;
    }

    private static ReferralSuggestion? WithoutSender(ReferralSuggestion? referral, string sender)
    {
        if (referral?.Email is { } email && email.Equals(sender, StringComparison.OrdinalIgnoreCase))
        {
            referral = referral with { Email = null };
        }

        return referral is { Email: null, Name: null, Title: null } ? null : referral;
    }

    private static InboundVerdict Unreadable(MimeMessage message, DateTimeOffset receivedAt, Exception error)
    {
        var id = Safe(() => OwnMessageId(message)) ?? "unknown";
        return new InboundVerdict(InboundKind.Reply, id, null, receivedAt, Safe(() => Sender(message)) ?? string.Empty, Safe(() => message.Subject),
            string.Create(CultureInfo.InvariantCulture, $"unreadable message: {error.GetType().Name}: {error.Message}"), 0.1, ReplyKind.Other);
    }

    private static string? FirstOrNull(List<string> ids) => ids.Count > 0 ? ids[0] : null;

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static T? Safe<T>(Func<T?> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return default;
        }
    }
}
