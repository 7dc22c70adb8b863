using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using Orleans.Concurrency;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.Outreach;
using SalesOS.Domain.Identity;
using SalesOS.Grains.Outreach;
using SalesOS.Grains.Outreach.Mailboxes;
using SalesOS.Grains.Outreach.Tasks;
using SalesOS.Outreach.Inbound;

namespace SalesOS.Grains.Agents.Email;

/// <summary>
/// The Email agent's inbound side: classifies each message a mailbox receives (bounce, complaint,
/// out of office, other auto-reply, or a person's reply and what they meant), finds the contact it is
/// about (the Message-ID it answers, else the bounced recipient, else the sender), and applies it: the
/// contact's sequence reacts, the mailbox's health counts bounces and complaints, a referral becomes a
/// new contact, and whatever needs a person becomes a rep's follow-up task. Nothing is dropped: a
/// message that matches no contact becomes a task too (automatic ones are counted and logged).
/// </summary>
[StatelessWorker, Reentrant]
public sealed class InboundMailGrain(
    InboundClassifier classifier,
    OutreachLinks links,
    MailboxDirectory directory,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    ILogger<InboundMailGrain> logger) : Grain, IInboundMailGrain
{
    private const string Actor = "agent:email";

    public async Task<InboundResult> Receive(string workspaceId, string mailbox, string key, byte[] raw)
    {
        var received = time.GetUtcNow();
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = await MimeMessage.LoadAsync(stream);
        }
        catch (FormatException e)
        {
            // Unreadable as MIME: still not dropped, a person looks at it.
            var unreadable = new InboundVerdict(InboundKind.Reply, $"unparsed:{Hash(raw)}", null, received, "", null, $"not a readable email: {e.Message}", 0, ReplyKind.Other);
            await FollowUpAsync(workspaceId, unreadable, null, $"Unreadable message in {mailbox} ({raw.Length} bytes)");
            return new InboundResult(unreadable, null, "unreadable; follow-up task created");
        }

        var verdict = await classifier.ClassifyAsync(message, received, CancellationToken.None);
        var contactKey = await MatchAsync(workspaceId, message, verdict);
        if (contactKey is null)
        {
            return await UnmatchedAsync(workspaceId, mailbox, verdict);
        }

        var identity = WorkspaceKey.Parse(contactKey).LocalId;
        var outreach = GrainFactory.GetGrain<IContactOutreachGrain>(contactKey);
        var enrollment = await outreach.RecordInbound(verdict, new CommandContext(Actor));
        await CountDeliveryAsync(workspaceId, mailbox, enrollment?.Sender, verdict);
        var contact = await GrainFactory.GetGrain<IContactGrain>(contactKey).Get();
        var name = contact is null ? identity : $"{contact.FirstName} {contact.LastName}".Trim() is { Length: > 0 } full ? full : contact.Email ?? identity;
        var outcome = verdict.Kind switch
        {
            InboundKind.Reply => await ReplyAsync(workspaceId, contact, name, verdict),
            InboundKind.Bounce => verdict.Bounce is { Hard: true } ? "hard bounce: contact bounced and suppressed" : "soft bounce recorded",
            InboundKind.Complaint => "complaint: contact suppressed",
            InboundKind.OutOfOffice => enrollment?.Status == EnrollmentStatus.Paused ? $"out of office: sequence paused until {enrollment.PausedUntil:u}" : "out of office noted",
            _ => "automatic answer ignored",
        };
        logger.LogInformation("Inbound {Kind} for {Contact} in {Mailbox}: {Outcome}", verdict.Kind, contactKey, mailbox, outcome);
        return new InboundResult(verdict, identity, outcome);
    }

    /// <summary>The contact a message is about: a Message-ID of ours it refers to, else the bounced or complained-about recipient, else its sender.</summary>
    private async Task<string?> MatchAsync(string workspaceId, MimeMessage message, InboundVerdict verdict)
    {
        foreach (var id in InboundClassifier.ReferencedMessageIds(message).Prepend(verdict.InReplyTo ?? ""))
        {
            if (links.TryReadMessageId(id, out var token) && token.WorkspaceId == workspaceId)
            {
                return WorkspaceKey.For(workspaceId, token.ContactIdentity);
            }
        }

        var candidates = verdict.Kind is InboundKind.Bounce or InboundKind.Complaint
            ? verdict.Bounce?.Recipients ?? []
            : (IReadOnlyList<string>)[verdict.From];
        foreach (var address in candidates)
        {
            if (ContactIdentity.TryFromEmail(address, out var identity, out _)
                && await GrainFactory.GetGrain<IContactGrain>(WorkspaceKey.For(workspaceId, identity.Key)).Get() is not null)
            {
                return WorkspaceKey.For(workspaceId, identity.Key);
            }
        }

        return null;
    }

    private async Task CountDeliveryAsync(string workspaceId, string mailbox, string? sender, InboundVerdict verdict)
    {
        DeliveryEvent? delivery = verdict.Kind switch
        {
            InboundKind.Bounce when verdict.Bounce is { Hard: true } => DeliveryEvent.HardBounce,
            InboundKind.Bounce => DeliveryEvent.SoftBounce,
            InboundKind.Complaint => DeliveryEvent.Complaint,
            _ => null,
        };
        var address = directory.Find(workspaceId, mailbox)?.Address ?? (sender is null ? null : directory.Find(workspaceId, sender)?.Address);
        if (delivery is { } counted && address is not null)
        {
            await GrainFactory.GetGrain<IMailboxGrain>(WorkspaceKey.For(workspaceId, address)).RecordDelivery(counted, verdict.MessageId, verdict.ReceivedAt);
        }
    }

    private async Task<string> ReplyAsync(string workspaceId, ContactSnapshot? contact, string name, InboundVerdict verdict)
    {
        switch (verdict.ReplyKind)
        {
            case ReplyKind.Interested:
                await FollowUpAsync(workspaceId, verdict, contact, $"{name} replied with interest: book a meeting");
                return "interested: sequence stopped, contact engaged, follow-up task created";
            case ReplyKind.Question:
                await FollowUpAsync(workspaceId, verdict, contact, $"{name} asked a question: answer it");
                return "question: sequence stopped, follow-up task created";
            case ReplyKind.Referral:
                var referred = await RegisterReferralAsync(workspaceId, contact, verdict);
                await FollowUpAsync(workspaceId, verdict, contact, $"{name} referred us to {verdict.Referral?.Name ?? verdict.Referral?.Email ?? "someone else"}{(referred is null ? "" : $" ({referred})")}");
                return referred is null ? "referral: follow-up task created" : $"referral: {referred} registered, follow-up task created";
            case ReplyKind.Other:
                await FollowUpAsync(workspaceId, verdict, contact, $"{name} replied: read it");
                return "reply: sequence stopped, follow-up task created";
            case ReplyKind.Unsubscribe:
                return "unsubscribe request: contact unsubscribed and suppressed";
            default:
                return $"{verdict.ReplyKind}: sequence stopped";
        }
    }

    /// <summary>The person a reply points to becomes a contact of the same company, found by referral.</summary>
    private async Task<string?> RegisterReferralAsync(string workspaceId, ContactSnapshot? contact, InboundVerdict verdict)
    {
        if (verdict.Referral?.Email is not { } email || !ContactIdentity.TryFromEmail(email, out var identity, out _))
        {
            return null;
        }

        var names = (verdict.Referral.Name ?? "").Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            await GrainFactory.GetGrain<IContactGrain>(WorkspaceKey.For(workspaceId, identity.Key)).Register(
                new ContactRegistration($"referral:{contact?.Identity}", identity.Email, FirstName: names.ElementAtOrDefault(0), LastName: names.ElementAtOrDefault(1),
                    Title: verdict.Referral.Title, CompanyDomain: contact?.CompanyDomain ?? identity.EmailDomain, LawfulBasis: contact?.LawfulBasis),
                new CommandContext(Actor, $"referral:{verdict.MessageId}", $"Referred by {contact?.Email} in a reply"));
            return identity.Email;
        }
        catch (CommandRejectedException e)
        {
            logger.LogInformation("Referral {Email} not registered: {Reason}", identity.Email, e.Message);
            return null;
        }
    }

    private async Task<InboundResult> UnmatchedAsync(string workspaceId, string mailbox, InboundVerdict verdict)
    {
        if (verdict.Kind is InboundKind.Reply)
        {
            await FollowUpAsync(workspaceId, verdict, null, $"Message from {verdict.From} in {mailbox} matches no contact: {verdict.Subject}");
            return new InboundResult(verdict, null, "no contact matched: follow-up task created");
        }

        logger.LogInformation("Inbound {Kind} in {Mailbox} ({MessageId}) matches no contact: {Reason}", verdict.Kind, mailbox, verdict.MessageId, verdict.Reason);
        return new InboundResult(verdict, null, $"{verdict.Kind} matches no contact: logged");
    }

    private async Task FollowUpAsync(string workspaceId, InboundVerdict verdict, ContactSnapshot? contact, string action)
    {
        var excerpt = verdict.ReplyText is { Length: > 0 } text ? (text.Length > 1000 ? text[..1000] + "…" : text) : verdict.Reason;
        var task = new RepTask($"inbound-{Hash(Encoding.UTF8.GetBytes(verdict.MessageId))}", workspaceId, RepTaskQueues.FollowUps, contact?.Identity ?? "", contact is null ? verdict.From : $"{contact.FirstName} {contact.LastName}".Trim(),
            contact?.CompanyDomain, "follow-up", $"{action}\n\nSubject: {verdict.Subject}\n\n{excerpt}", DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), time.GetUtcNow(), RepTaskQueues.Open,
            LinkedInUrl: contact?.LinkedInUrl, Phone: contact?.Phone);
        await GrainFactory.GetGrain<IRepTaskQueueGrain>(WorkspaceKey.For(workspaceId, RepTaskQueues.FollowUps)).Add(task, 10_000);
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..24];
}
