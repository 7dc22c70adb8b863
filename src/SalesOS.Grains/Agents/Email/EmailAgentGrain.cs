using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Orleans.Concurrency;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;
using SalesOS.Contracts.Workspaces;
using SalesOS.Grains.Outreach;
using SalesOS.Grains.Outreach.Mailboxes;
using SalesOS.Outreach.Messages;
using SalesOS.Outreach.Ports;

namespace SalesOS.Grains.Agents.Email;

[Alias("SalesOS.Agents.IEmailAgentGrain")]
public interface IEmailAgentGrain : IChannelAgentGrain;

/// <summary>
/// The Email agent: takes an email step over from a contact, finds a mailbox with a free send slot
/// (rotating over the workspace's healthy mailboxes; follow-ups from the thread's sender), renders the
/// step's variant over the contact's and company's data (and lets the LLM rewrite it when the workspace
/// asks), builds the MIME message with its footer, unsubscribe headers, tracking and DKIM signature, and
/// hands it to the mailbox's transport. Exactly once: the contact records the hand-off before it happens
/// (<see cref="IContactOutreachGrain.BeginHandOff"/>); a step handed over again after a crash is
/// reconciled against the mailbox's sent copies instead of being sent twice.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class EmailAgentGrain(
    MailboxDirectory directory,
    MailSenders senders,
    MessageTemplates templates,
    OutreachLinks links,
    IMessageRewriter rewriter,
    IOptions<OutreachOptions> options,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    ILogger<EmailAgentGrain> logger) : Grain, IEmailAgentGrain
{
    private const string Actor = "agent:email";

    // A slot this close counts as now (the mailbox's clock and ours agree to well within it).
    private static readonly TimeSpan Now = TimeSpan.FromSeconds(5);

    public Task Run(StepDispatch dispatch)
        => ChannelAgentRun.ReportAsync(GrainFactory, dispatch, Actor, "email", () => Backoff(dispatch.Dispatch), time, logger, outreach => RunAsync(dispatch, outreach));

    private async Task<StepReport?> RunAsync(StepDispatch dispatch, IContactOutreachGrain outreach)
    {
        var (workspaceId, identity) = WorkspaceKey.Parse(dispatch.ContactKey);
        var now = time.GetUtcNow();
        var enrollment = await outreach.GetEnrollment();
        if (enrollment?.Pending?.SendId != dispatch.SendId)
        {
            return null;
        }

        var contact = await GrainFactory.GetGrain<IContactGrain>(dispatch.ContactKey).Get();
        if (contact?.Email is not { } email)
        {
            return new StepReport(dispatch.SendId, StepOutcome.Skipped, "the contact has no email address");
        }

        var playbook = GrainFactory.GetGrain<IOutreachPlaybookGrain>(workspaceId);
        var settings = await playbook.GetSettings();
        if (string.IsNullOrWhiteSpace(settings.PostalAddress))
        {
            return new StepReport(dispatch.SendId, StepOutcome.Deferred,
                "waiting for the workspace's postal address (PUT /outreach/settings): CAN-SPAM requires one in every commercial email", now + TimeSpan.FromHours(1));
        }

        var sequence = await playbook.GetSequence(dispatch.SequenceId);
        if (sequence is null || dispatch.StepIndex >= sequence.Steps.Count)
        {
            return new StepReport(dispatch.SendId, StepOutcome.Failed, $"step {dispatch.StepIndex + 1} of sequence '{dispatch.SequenceId}' no longer exists");
        }

        var step = sequence.Steps[dispatch.StepIndex];
        var variant = step.Variants.FirstOrDefault(v => v.Id == dispatch.VariantId) ?? step.Variants[0];
        var workspace = GrainFactory.GetGrain<IWorkspaceGrain>(workspaceId);
        if (await workspace.CheckRecipient(email, null) is { } blocked)
        {
            return new StepReport(dispatch.SendId, StepOutcome.Failed, $"not sent: {blocked}");
        }

        var (mailbox, slot, refusals) = await ReserveAsync(workspaceId, dispatch);
        if (mailbox is null)
        {
            return new StepReport(dispatch.SendId, StepOutcome.Deferred, $"no mailbox can send it now: {refusals}", now + TimeSpan.FromHours(1));
        }

        if (slot > now + Now)
        {
            return new StepReport(dispatch.SendId, StepOutcome.Deferred, $"send slot {slot:u} from {mailbox.Address}", slot, Sender: mailbox.Address);
        }

        var company = contact.CompanyDomain is null ? null : await GrainFactory.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspaceId, contact.CompanyDomain)).Get();
        var messageId = links.MessageId(workspaceId, identity, dispatch.SendId, mailbox.Address);
        var (message, subject, cost) = await ComposeAsync(dispatch, contact, company, settings, variant, step, mailbox, messageId, workspaceId, identity, now);

        var sender = senders.For(mailbox);
        switch (await outreach.BeginHandOff(dispatch.SendId, messageId, mailbox.Address))
        {
            case HandOffPermit.Go:
                return await HandOverAsync(dispatch, workspace, email, sender, message, messageId, mailbox, subject, cost);
            case HandOffPermit.Reconcile:
                var since = now - TimeSpan.FromDays(2);
                return await sender.FindSentAsync(messageId, since, CancellationToken.None) switch
                {
                    SentCopy.Found => await SentAsync(dispatch, messageId, mailbox, subject, cost, $"found in {mailbox.Address}'s sent messages after a restart; not sent again"),
                    SentCopy.NotFound => await HandOverAsync(dispatch, workspace, email, sender, message, messageId, mailbox, subject, cost),
                    _ => new StepReport(dispatch.SendId, StepOutcome.SentUnverified,
                        $"a hand-off to {sender.Transport} was interrupted and the mailbox keeps no sent copies SalesOS can read: not sent again", MessageId: messageId, Sender: mailbox.Address, Subject: subject),
                };
            default:
                return null;
        }
    }

    private async Task<StepReport> HandOverAsync(StepDispatch dispatch, IWorkspaceGrain workspace, string email, IMailSender sender, MimeMessage message, string messageId, MailboxSettings mailbox, string subject, decimal cost)
    {
        // Checked again immediately before the send: an unsubscribe may have arrived while the message was composed.
        if (await workspace.CheckRecipient(email, null) is { } blocked)
        {
            return new StepReport(dispatch.SendId, StepOutcome.Failed, $"not sent: {blocked}");
        }

        FaultPoint("before-handoff");
        var handOff = await sender.SendAsync(message, CancellationToken.None);
        FaultPoint("after-handoff");
        return handOff.Outcome switch
        {
            HandOffOutcome.Accepted => await SentAsync(dispatch, messageId, mailbox, subject, cost, $"accepted by {sender.Transport}: {handOff.Detail}"),
            HandOffOutcome.Rejected when RecipientRefused(handOff.Detail) => new StepReport(dispatch.SendId, StepOutcome.Bounced, handOff.Detail, MessageId: messageId, Sender: mailbox.Address),
            HandOffOutcome.Rejected => new StepReport(dispatch.SendId, StepOutcome.Failed, $"refused by {sender.Transport}: {handOff.Detail}", MessageId: messageId, Sender: mailbox.Address),
            HandOffOutcome.Unknown => new StepReport(dispatch.SendId, StepOutcome.Deferred, $"{sender.Transport} may or may not have taken it ({handOff.Detail}); the next try looks for the sent copy first",
                time.GetUtcNow() + Backoff(dispatch.Dispatch), MessageId: messageId, Sender: mailbox.Address, MayHaveSent: true),
            _ => new StepReport(dispatch.SendId, StepOutcome.Deferred, $"{sender.Transport} did not take it: {handOff.Detail}", time.GetUtcNow() + Backoff(dispatch.Dispatch), Sender: mailbox.Address),
        };
    }

    private async Task<StepReport> SentAsync(StepDispatch dispatch, string messageId, MailboxSettings mailbox, string subject, decimal cost, string detail)
    {
        await GrainFactory.GetGrain<IMailboxGrain>(mailbox.Key).RecordDelivery(DeliveryEvent.Sent, dispatch.SendId, time.GetUtcNow());
        return new StepReport(dispatch.SendId, StepOutcome.Sent, detail, MessageId: messageId, Sender: mailbox.Address, Subject: subject, Cost: cost);
    }

    /// <summary>The thread's sender when it can take the send, else the active mailbox with the most room today.</summary>
    private async Task<(MailboxSettings? Mailbox, DateTimeOffset Slot, string Refusals)> ReserveAsync(string workspaceId, StepDispatch dispatch)
    {
        var candidates = directory.For(workspaceId);
        var snapshots = await Task.WhenAll(candidates.Select(m => GrainFactory.GetGrain<IMailboxGrain>(m.Key).Get()));
        var ordered = candidates.Zip(snapshots)
            .Where(p => p.Second.Status == MailboxStatus.Active || string.Equals(p.First.Address, dispatch.Sender, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => string.Equals(p.First.Address, dispatch.Sender, StringComparison.OrdinalIgnoreCase))
            .ThenBy(p => p.Second.CapToday == 0 ? 1.0 : (double)p.Second.ReservedToday / p.Second.CapToday)
            .Select(p => p.First)
            .ToList();
        var refusals = new List<string>();
        foreach (var mailbox in ordered)
        {
            var answer = await GrainFactory.GetGrain<IMailboxGrain>(mailbox.Key).Reserve(new SlotRequest(dispatch.SendId, time.GetUtcNow(), dispatch.Window, dispatch.TimeZone));
            if (answer.Slot is { } slot)
            {
                return (mailbox, slot, "");
            }

            refusals.Add(answer.Refusal ?? mailbox.Address);
        }

        if (ordered.Count == 0)
        {
            refusals.Add("every mailbox of the workspace is paused");
        }

        return (null, default, string.Join("; ", refusals));
    }

    private async Task<(MimeMessage Message, string Subject, decimal Cost)> ComposeAsync(
        StepDispatch dispatch, ContactSnapshot contact, CompanySnapshot? company, OutreachSettings settings, SequenceVariant variant, SequenceStep step,
        MailboxSettings mailbox, string messageId, string workspaceId, string identity, DateTimeOffset now)
    {
        var senderName = mailbox.Account.DisplayName ?? settings.SenderName ?? settings.CompanyName ?? mailbox.Address;
        var profile = new SenderProfile(senderName, mailbox.Address, senderName.Split(' ', 2)[0], settings.SenderTitle, settings.CompanyName, settings.PostalAddress, settings.CalendarLink);
        var unsubscribeUrl = links.Unsubscribe(workspaceId, identity, dispatch.SendId);
        var model = new TemplateModel(contact, company, profile, new TemplateLinks(unsubscribeUrl));
        var rendered = templates.Render(variant, model);
        var inThread = !step.NewThread && dispatch.ThreadMessageId is not null;
        var subject = rendered.Subject is { Length: > 0 } own ? own : dispatch.ThreadSubject ?? company?.Name ?? "Following up";
        var body = rendered.Body;
        decimal cost = 0;
        if (settings.RewriteWithLlm)
        {
            var rewritten = await rewriter.RewriteAsync(new MessageDraft(subject, body, model.Facts), CancellationToken.None);
            subject = rewritten.Subject;
            body = rewritten.Body;
            cost = rewritten.Cost;
        }

        var recipientName = string.Join(' ', new[] { contact.FirstName, contact.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var spec = new OutboundEmailSpec(
            new EmailParty(senderName, mailbox.Address),
            new EmailParty(recipientName.Length == 0 ? null : recipientName, contact.Email!),
            subject,
            body,
            messageId,
            now,
            settings.PostalAddress!,
            unsubscribeUrl,
            mailbox.Address,
            new MessageTracking(
                settings.TrackOpens ? links.OpenPixel(workspaceId, identity, dispatch.SendId) : null,
                settings.TrackClicks ? url => links.Click(workspaceId, identity, dispatch.SendId, url) : null),
            inThread ? dispatch.ThreadMessageId : null,
            inThread ? [dispatch.ThreadMessageId!] : null);
        var message = OutboundEmail.Build(spec);
        senders.SignerFor(mailbox)?.Sign(message);
        return (message, subject, cost);
    }

    /// <summary>A 5xx that says the address itself does not exist (a bounce at the door, not a policy refusal).</summary>
    private static bool RecipientRefused(string detail)
        => detail.Contains("5.1.1", StringComparison.Ordinal) || detail.Contains("5.1.0", StringComparison.Ordinal) || detail.Contains("5.1.10", StringComparison.Ordinal)
           || detail.Contains("user unknown", StringComparison.OrdinalIgnoreCase) || detail.Contains("no such user", StringComparison.OrdinalIgnoreCase)
           || detail.Contains("does not exist", StringComparison.OrdinalIgnoreCase) || detail.Contains("Recipient address rejected", StringComparison.OrdinalIgnoreCase);

    private static TimeSpan Backoff(int dispatch) => TimeSpan.FromMinutes(Math.Min(240, 5 * Math.Pow(2, Math.Max(0, dispatch - 1))));

    /// <summary>Test-only fault injection (SalesOS:Outreach:CrashAt): the process ends at once, as a crash would end it.</summary>
    private void FaultPoint(string point)
    {
        if (string.Equals(options.Value.CrashAt, point, StringComparison.Ordinal))
        {
            Environment.FailFast($"SalesOS fault injection: crash {point} (SalesOS:Outreach:CrashAt)");
        }
    }
}
