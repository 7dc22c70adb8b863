using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;
using SalesOS.Contracts.Workspaces;
using SalesOS.Grains.Outreach;
using SalesOS.Grains.Outreach.Tasks;
using SalesOS.Grains.Outreach.Tracking;
using SalesOS.Outreach.Messages;
using SalesOS.Outreach.Ports;
using SalesOS.Outreach.Sequences;

namespace SalesOS.Grains.Agents.Voice;

[Alias("SalesOS.Agents.IVoiceAgentGrain")]
public interface IVoiceAgentGrain : IChannelAgentGrain;

/// <summary>
/// The Voice agent: a phone step becomes an automated call through the voice gateway (the step's
/// script is said, the answer recorded and transcribed; status, recording and transcript come back
/// through the telephony callbacks and the transcript is read like a reply). Without a voice provider
/// configured, it becomes a call task in the reps' "calls" queue with the script as talking points.
/// A call is never placed twice: an interrupted hand-off is reported as unverified.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class VoiceAgentGrain(
    IVoiceGateway gateway,
    MessageTemplates templates,
    OutreachLinks links,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    ILogger<VoiceAgentGrain> logger) : Grain, IVoiceAgentGrain
{
    private const string Actor = "agent:voice";

    public Task Run(StepDispatch dispatch)
        => ChannelAgentRun.ReportAsync(GrainFactory, dispatch, Actor, "voice", () => TimeSpan.FromMinutes(30), time, logger, outreach => RunAsync(dispatch, outreach));

    private async Task<StepReport?> RunAsync(StepDispatch dispatch, IContactOutreachGrain outreach)
    {
        if (await ChannelStep.LoadAsync(GrainFactory, dispatch, templates, links) is not { } step)
        {
            return null;
        }

        if (step.Contact.Phone is not { } phone)
        {
            return new StepReport(dispatch.SendId, StepOutcome.Skipped, "the contact has no phone number");
        }

        if (await GrainFactory.GetGrain<IWorkspaceGrain>(step.WorkspaceId).CheckRecipient(null, phone) is { } blocked)
        {
            return new StepReport(dispatch.SendId, StepOutcome.Failed, $"not called: {blocked}");
        }

        if (!gateway.IsConfigured)
        {
            return await CallTaskAsync(dispatch, step, phone);
        }

        var reference = links.Tokens.Issue(new SalesOS.Outreach.Tracking.TrackingToken(SalesOS.Outreach.Tracking.TrackingTokenKind.MessageId, step.WorkspaceId, step.Identity, dispatch.SendId));
        var call = new OutboundCall(phone, "", step.Text, links.Public($"/hooks/telephony/call-status?ref={reference}"), links.Public($"/hooks/telephony/recording?ref={reference}"),
            links.Public($"/hooks/telephony/transcription?ref={reference}"), Record: true, dispatch.SendId);
        switch (await outreach.BeginHandOff(dispatch.SendId, dispatch.SendId, "voice"))
        {
            case HandOffPermit.Go:
                await GrainFactory.GetGrain<IPhoneRouteGrain>(WorkspaceKey.For(step.WorkspaceId, phone)).Set(step.Identity);
                var handOff = await gateway.PlaceCallAsync(call, CancellationToken.None);
                return handOff.Outcome switch
                {
                    HandOffOutcome.Accepted => new StepReport(dispatch.SendId, StepOutcome.Sent, $"call placed: {handOff.Status} ({handOff.Detail})", Sender: "voice", ProviderId: handOff.ProviderCallId),
                    HandOffOutcome.Rejected => new StepReport(dispatch.SendId, StepOutcome.Failed, $"the voice provider refused the call: {handOff.Detail}"),
                    HandOffOutcome.Unknown => new StepReport(dispatch.SendId, StepOutcome.SentUnverified, $"the call may have been placed ({handOff.Detail}); it is not placed again"),
                    _ => new StepReport(dispatch.SendId, StepOutcome.Deferred, $"the voice provider did not take the call: {handOff.Detail}", time.GetUtcNow() + TimeSpan.FromMinutes(30)),
                };
            case HandOffPermit.Reconcile:
                return new StepReport(dispatch.SendId, StepOutcome.SentUnverified, "a call was being placed when the silo stopped; it is not placed again");
            default:
                return null;
        }
    }

    private async Task<StepReport> CallTaskAsync(StepDispatch dispatch, ChannelStep step, string phone)
    {
        var zone = ProspectTimeZones.TryParseZone(dispatch.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var today = SendWindows.LocalDate(time.GetUtcNow(), zone);
        var name = $"{step.Contact.FirstName} {step.Contact.LastName}".Trim();
        var task = new RepTask(dispatch.SendId, step.WorkspaceId, RepTaskQueues.Calls, step.Identity, name, step.Contact.CompanyDomain, "call",
            $"Call {name} ({step.Contact.Title}) at {step.Company?.Name ?? step.Contact.CompanyDomain}, {phone}, between {dispatch.Window.Start:HH\\:mm} and {dispatch.Window.End:HH\\:mm} {zone.Id}.\n\nTalking points:\n{step.Text}",
            today, time.GetUtcNow(), RepTaskQueues.Open, LinkedInUrl: step.Contact.LinkedInUrl, Phone: phone, SendId: dispatch.SendId);
        var added = await GrainFactory.GetGrain<IRepTaskQueueGrain>(WorkspaceKey.For(step.WorkspaceId, RepTaskQueues.Calls)).Add(task, step.Settings.CallTasksPerDay);
        return new StepReport(dispatch.SendId, StepOutcome.TaskCreated, $"no voice provider configured: call task for a rep, due {added.DueOn:yyyy-MM-dd}",
            new DateTimeOffset(added.DueOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ProviderId: added.TaskId);
    }
}
