using Microsoft.Extensions.Logging;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;
using SalesOS.Grains.Outreach;
using SalesOS.Outreach.Messages;

namespace SalesOS.Grains.Agents;

/// <summary>What a channel agent needs to run one step: the contact, its company, the workspace's settings, the step and its text.</summary>
public sealed record ChannelStep(
    string WorkspaceId,
    string Identity,
    ContactSnapshot Contact,
    CompanySnapshot? Company,
    OutreachSettings Settings,
    SequenceStep Step,
    SequenceVariant? Variant,
    string Text)
{
    /// <summary>
    /// Loads the step as the contact handed it over, rendering its variant's text over the contact's and
    /// company's data. Null when the contact moved on (the dispatch is stale) or the step is gone.
    /// </summary>
    public static async Task<ChannelStep?> LoadAsync(IGrainFactory grains, StepDispatch dispatch, MessageTemplates templates, OutreachLinks links)
    {
        var (workspaceId, identity) = WorkspaceKey.Parse(dispatch.ContactKey);
        var enrollment = await grains.GetGrain<IContactOutreachGrain>(dispatch.ContactKey).GetEnrollment();
        var contact = await grains.GetGrain<IContactGrain>(dispatch.ContactKey).Get();
        if (enrollment?.Pending?.SendId != dispatch.SendId || contact is null)
        {
            return null;
        }

        var playbook = grains.GetGrain<IOutreachPlaybookGrain>(workspaceId);
        var sequence = await playbook.GetSequence(dispatch.SequenceId);
        if (sequence is null || dispatch.StepIndex >= sequence.Steps.Count)
        {
            return null;
        }

        var settings = await playbook.GetSettings();
        var step = sequence.Steps[dispatch.StepIndex];
        var variant = step.Variants.FirstOrDefault(v => v.Id == dispatch.VariantId) ?? (step.Variants.Count > 0 ? step.Variants[0] : null);
        var company = contact.CompanyDomain is null ? null : await grains.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspaceId, contact.CompanyDomain)).Get();
        var text = "";
        if (variant is not null)
        {
            var sender = settings.SenderName ?? settings.CompanyName ?? "";
            var profile = new SenderProfile(sender, "", sender.Split(' ', 2)[0], settings.SenderTitle, settings.CompanyName, settings.PostalAddress, settings.CalendarLink);
            text = templates.Render(variant with { Subject = null }, new TemplateModel(contact, company, profile, new TemplateLinks(links.Unsubscribe(workspaceId, identity, dispatch.SendId)))).Body;
        }

        return new ChannelStep(workspaceId, identity, contact, company, settings, step, variant, text);
    }
}

/// <summary>
/// How every channel agent answers a dispatched step: whatever it reports goes back to the contact; a
/// template that cannot be rendered fails the step (running it again would fail the same way); any other
/// error defers it, and the contact runs it again later (the hand-off protocol keeps it to once).
/// </summary>
public static class ChannelAgentRun
{
    public static async Task ReportAsync(IGrainFactory grains, StepDispatch dispatch, string actor, string channel, Func<TimeSpan> retryAfter,
        TimeProvider time, ILogger logger, Func<IContactOutreachGrain, Task<StepReport?>> run)
    {
        var outreach = grains.GetGrain<IContactOutreachGrain>(dispatch.ContactKey);
        StepReport? report;
        try
        {
            report = await run(outreach);
        }
        catch (TemplateRenderException e)
        {
            report = new StepReport(dispatch.SendId, StepOutcome.Failed, $"the {e.Field} template cannot be rendered: {e.Reason}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "{Channel} step {SendId} of {Contact} failed; it will be retried", channel, dispatch.SendId, dispatch.ContactKey);
            report = new StepReport(dispatch.SendId, StepOutcome.Deferred, $"{channel} agent error: {e.Message}", time.GetUtcNow() + retryAfter());
        }

        if (report is not null)
        {
            await outreach.ReportStep(report, new CommandContext(actor));
        }
    }
}
